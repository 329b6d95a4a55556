package org.zhicheng.certificates.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.RefusedException;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Certificate;
import org.zhicheng.api.business.descriptor.CertificateField;
import org.zhicheng.api.business.descriptor.CertificateMeta;
import org.zhicheng.api.certificates.CertificateException;
import org.zhicheng.api.certificates.Certificates;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.ContactDirectory;
import org.zhicheng.api.media.Attachments;
import org.zhicheng.api.media.StoredFile;
import org.zhicheng.api.persistence.BlobRef;
import org.zhicheng.api.persistence.BlobStore;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.Applications;
import org.zhicheng.certificates.internal.layout.CertificateLayout;
import org.zhicheng.certificates.internal.signature.PdfSigner;
import org.zhicheng.certificates.internal.signature.SignatureCheck;
import org.zhicheng.certificates.internal.signature.SigningKey;
import org.zhicheng.documents.pdf.CjkFont;
import org.zhicheng.documents.pdf.PreparedImage;

/**
 * Issues, keeps and verifies electronic certificates (GD-CERT-1..3). Configuration {@code org.zhicheng.certificates}:
 * {@code signing.keystore} (a PKCS#12 file), {@code signing.password}, optionally {@code signing.alias}, and per seal
 * alias a descriptor names {@code seal.<alias>.image} (a PNG). None of it ships: without them issuing answers 503
 * and says what is missing, while verification keeps working.
 */
@Component(service = Certificates.class, configurationPid = "org.zhicheng.certificates",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class DatabaseCertificates implements Certificates {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCertificates.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The largest photo frozen into a certificate. */
    private static final long PHOTO_LIMIT = 10L * 1024 * 1024;

    private final DataSource dataSource;
    private final Applications applications;
    private final BusinessRegistry registry;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final Clock clock;
    private final Signing signing;
    private final Map<String, PreparedImage> seals;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Attachments attachments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactDirectory contacts;

    @Activate
    public DatabaseCertificates(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference Applications applications,
            @Reference BusinessRegistry registry, @Reference BlobStore blobs, @Reference AuditTrail audit,
            Map<String, Object> configuration) {
        this(dataSource, applications, registry, blobs, audit, null, null, Clock.systemUTC(),
                Signing.from(configuration, Clock.systemUTC()), Seals.from(configuration));
    }

    public DatabaseCertificates(DataSource dataSource, Applications applications, BusinessRegistry registry,
            BlobStore blobs, AuditTrail audit, Attachments attachments, ContactDirectory contacts, Clock clock,
            Signing signing, Map<String, PreparedImage> seals) {
        this.dataSource = dataSource;
        this.applications = applications;
        this.registry = registry;
        this.blobs = blobs;
        this.audit = audit;
        this.attachments = attachments;
        this.contacts = contacts;
        this.clock = clock;
        this.signing = signing;
        this.seals = Map.copyOf(seals);
    }

    @Override
    public Issued issue(Caller issuer, String applicationId, String clientIp) {
        requireIssuer(issuer);
        return create(issuer, applicationId, null, null, clientIp);
    }

    @Override
    public Issued reissue(Caller issuer, String number, String reason, String clientIp) {
        requireIssuer(issuer);
        requireReason(reason, "补发", "reissuing");
        Issued old = visible(issuer, number);
        if (old.status() != Status.VALID) {
            throw refused(409, "not-valid", "只有有效的证书才能补发。", "Only a valid certificate can be reissued.");
        }
        return create(issuer, old.applicationId(), old.number(), reason.strip(), clientIp);
    }

    /**
     * Issues a certificate of the application; with {@code supersedes}, in place of that one (GD-CERT-4 style
     * reissue), which becomes superseded in the same transaction.
     */
    private Issued create(Caller issuer, String applicationId, String supersedes, String reason, String clientIp) {
        Application application = applications.get(issuer, applicationId);
        BusinessDescriptor descriptor = registry.byContentHash(application.contentHash()).map(r -> r.descriptor())
                .orElseThrow(() -> refused(503, "descriptor-unavailable", "该申报所依据的业务规则版本暂不可用。",
                        "The rules version of this application is not available."));
        Certificate rule = descriptor.certificate();
        if (rule == null) {
            throw refused(409, "no-certificate", "业务“" + descriptor.name().zh() + "”不签发证书。",
                    "The business \"" + descriptor.name().en() + "\" issues no certificate.");
        }
        Optional<Issued> existing = supersedes == null ? find(applicationId) : Optional.empty();
        if (existing.isPresent()) {
            return existing.get();
        }
        Application.Step passed = application.chain().stream()
                .filter(s -> s.stepId().equals(rule.issueAfter()) && "approved".equals(s.status())).findFirst()
                .orElseThrow(() -> refused(409, "not-yet-issuable", "申报尚未通过“" + stepName(descriptor,
                        rule.issueAfter()) + "”，不能签发证书。", "The application has not passed \""
                                + rule.issueAfter() + "\"; no certificate can be issued yet."));
        if (signing.key() == null) {
            throw refused(503, "signing-not-configured", "未配置证书签名密钥（" + signing.problem() + "），暂不能签发证书。",
                    "No certificate signing key is configured (" + signing.problem() + "); certificates cannot be"
                            + " issued.");
        }
        PreparedImage seal = rule.seal() == null ? null : seals.get(rule.seal().alias());
        if (rule.seal() != null && seal == null) {
            throw refused(503, "seal-not-configured", "未配置电子印章“" + rule.seal().name().zh() + "”（seal."
                    + rule.seal().alias() + ".image），暂不能签发证书。", "The seal \"" + rule.seal().name().en()
                            + "\" is not configured (seal." + rule.seal().alias() + ".image).");
        }
        byte[] photo = rule.photoSlot() == null ? null : photo(issuer, application, rule.photoSlot());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        String holderName = holderName(application.applicantAccountId());
        String idNumber = needsIdNumber(rule) ? idNumber(application.applicantAccountId()) : null;
        Numbers.ensure(dataSource, descriptor.id(), rule.numbering(), today);
        boolean[] fresh = {false};
        Issued issued = Transactions.inTransaction(dataSource, "certificate-issue", c -> {
            // One issuer at a time per application: the second finds the first's certificate and returns it.
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM application WHERE id = ? FOR UPDATE")) {
                lock.setString(1, application.id());
                lock.executeQuery().close();
            }
            Optional<Issued> already = find(c, application.id());
            if (supersedes == null && already.isPresent()) {
                return already.get();
            }
            if (supersedes != null && already.map(i -> !i.number().equals(supersedes)).orElse(true)) {
                throw refused(409, "not-valid", "只有有效的证书才能补发。", "Only a valid certificate can be reissued.");
            }
            fresh[0] = true;
            String number = Numbers.next(c, descriptor, rule.numbering(), today);
            if (supersedes != null) {
                try (PreparedStatement s = c.prepareStatement("UPDATE certificate SET status = 'SUPERSEDED',"
                        + " revoked_at = ?, revoked_by = ?, revoked_reason = ?, superseded_by = ? WHERE number = ?")) {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setString(2, issuer.accountId());
                    s.setString(3, reason);
                    s.setString(4, number);
                    s.setString(5, supersedes);
                    s.executeUpdate();
                }
            }
            List<Frozen> fields = freeze(descriptor, rule, application, passed, number, today, holderName, idNumber);
            String verificationUrl = rule.verificationUrl().replace("{number}", number);
            byte[] pdf = new PdfSigner(signing.key()).sign(new CertificateLayout(CjkFont.bundled(), seal).pdf(
                    new CertificateLayout.Content(rule.name().zh(), rule.name().en(), fields.stream()
                            .map(f -> new CertificateLayout.Line(f.label(), f.value())).toList(), photo,
                            verificationUrl, rule.issuer().zh(), chinese(today))), rule.issuer().zh(),
                    "电子职称证书签发 / Electronic title certificate issued", rule.issuer().zh(), now);
            BlobRef photoBlob = photo == null ? null : put(c, photo);
            BlobRef pdfBlob = put(c, pdf);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO certificate (number, business_id,"
                    + " content_hash, application_id, holder_account_id, title, fields, photo_sha256, pdf_sha256,"
                    + " status, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, ?)")) {
                s.setString(1, number);
                s.setString(2, descriptor.id());
                s.setString(3, application.contentHash());
                s.setString(4, application.id());
                s.setString(5, application.applicantAccountId());
                s.setString(6, rule.name().zh());
                s.setString(7, Frozen.json(fields));
                s.setString(8, photoBlob == null ? null : photoBlob.sha256());
                s.setString(9, pdfBlob.sha256());
                s.setTimestamp(10, Timestamp.from(now));
                s.setString(11, issuer.accountId());
                s.executeUpdate();
            }
            return find(c, application.id()).orElseThrow();
        });
        if (fresh[0]) {
            audit.record(new AuditEvent(supersedes == null ? "certificate.issue" : "certificate.reissue",
                    issuer.actor(clientIp), "certificate", issued.number(), supersedes, issued.number(),
                    supersedes == null ? "application " + applicationId : reason));
        }
        return issued;
    }

    @Override
    public List<Issued> mine(Caller holder) {
        return Transactions.inTransaction(dataSource, "certificates-mine", c -> select(c,
                "holder_account_id = ? ORDER BY issued_at DESC, number DESC", holder.accountId()));
    }

    @Override
    public byte[] pdf(Caller caller, String number) {
        Issued issued = visible(caller, number);
        String sha = Transactions.inTransaction(dataSource, "certificate-pdf", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pdf_sha256 FROM certificate WHERE number = ?")) {
                s.setString(1, issued.number());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        try (InputStream in = blobs.open(sha).orElseThrow(() -> new IllegalStateException("blob " + sha
                + " of certificate " + number + " is missing"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Issued revoke(Caller issuer, String number, String reason, String clientIp) {
        requireIssuer(issuer);
        requireReason(reason, "撤销", "revoking");
        Issued issued = visible(issuer, number);
        if (issued.status() != Status.VALID) {
            throw refused(409, "already-revoked", "证书已于 " + issued.revokedAt() + " 失效。",
                    "The certificate stopped being valid on " + issued.revokedAt() + ".");
        }
        Issued revoked = Transactions.inTransaction(dataSource, "certificate-revoke", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE certificate SET status = 'REVOKED', revoked_at = ?,"
                    + " revoked_by = ?, revoked_reason = ? WHERE number = ? AND status = 'VALID'")) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setString(2, issuer.accountId());
                s.setString(3, reason.strip());
                s.setString(4, number);
                if (s.executeUpdate() != 1) {
                    throw refused(409, "already-revoked", "证书已撤销。", "The certificate is already revoked.");
                }
            }
            return select(c, "number = ?", number).get(0);
        });
        audit.record(new AuditEvent("certificate.revoke", issuer.actor(clientIp), "certificate", number, "VALID",
                "REVOKED", reason.strip()));
        return revoked;
    }

    @Override
    public Optional<Verification> verify(String number) {
        if (number == null || number.length() > 64) {
            return Optional.empty();
        }
        return Transactions.inTransaction(dataSource, "certificate-verify", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT number, title, status, fields, issued_at,"
                    + " revoked_at, revoked_reason, superseded_by FROM certificate WHERE number = ?")) {
                s.setString(1, number);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    List<Field> fields = Frozen.parse(rs.getString(4)).stream().map(Frozen::masked).toList();
                    return Optional.of(new Verification(rs.getString(1), rs.getString(2),
                            Status.valueOf(rs.getString(3)), fields, instant(rs, 5), instant(rs, 6), rs.getString(7),
                            rs.getString(8)));
                }
            }
        });
    }

    @Override
    public FileCheck check(byte[] pdf) {
        List<java.security.cert.X509Certificate> trusted = signing.key() == null ? List.of() : signing.key().chain();
        SignatureCheck.Result result = new SignatureCheck(trusted).check(pdf);
        if (result.status() != SignatureCheck.Status.VALID) {
            SignatureCheck.Status status = result.status();
            return new FileCheck(status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), status.zh(),
                    status.en(), null);
        }
        String sha256 = sha256(pdf);
        Optional<String> number = Transactions.inTransaction(dataSource, "certificate-file", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT number FROM certificate WHERE pdf_sha256 = ?")) {
                s.setString(1, sha256);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        Optional<Verification> certificate = number.flatMap(this::verify);
        if (certificate.isEmpty()) {
            return new FileCheck("not-on-record", "签名有效，但没有与此文件一致的证书记录。",
                    "The signature is valid, but no certificate on record is this file.", null);
        }
        return new FileCheck("valid", SignatureCheck.Status.VALID.zh(), SignatureCheck.Status.VALID.en(),
                certificate.get());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate, when the caller holds it or may read its application and issue certificates. */
    private Issued visible(Caller caller, String number) {
        List<Issued> found = number == null || number.length() > 64 ? List.of()
                : Transactions.inTransaction(dataSource, "certificate-read", c -> select(c, "number = ?", number));
        if (!found.isEmpty()) {
            Issued issued = found.get(0);
            if (issued.holderAccountId().equals(caller.accountId())) {
                return issued;
            }
            if (caller.permissions().contains(ISSUE)) {
                try {
                    applications.get(caller, issued.applicationId());
                    return issued;
                } catch (RefusedException outOfScope) {
                    // answered as unknown below, never as "exists but not yours"
                }
            }
        }
        throw refused(404, "certificate-unknown", "没有编号为“" + number + "”的证书。",
                "There is no certificate numbered \"" + number + "\".");
    }

    private static void requireReason(String reason, String zh, String en) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw refused(400, "reason-required", "请填写" + zh + "原因（不超过500字）。",
                    "Give the reason for " + en + " (at most 500 characters).");
        }
    }

    private static void requireIssuer(Caller issuer) {
        if (!issuer.permissions().contains(ISSUE)) {
            throw refused(403, "forbidden", "您没有签发证书的权限。", "You may not issue certificates.");
        }
    }

    private List<Frozen> freeze(BusinessDescriptor descriptor, Certificate rule, Application application,
            Application.Step passed, String number, LocalDate today, String holderName, String idNumber) {
        List<Frozen> fields = new ArrayList<>();
        for (CertificateField f : rule.fields()) {
            String value;
            String mask = null;
            if (f.text() != null) {
                value = f.text().zh();
            } else if (f.field() != null) {
                value = answer(descriptor, f.field(), application.answers().get(f.field()));
            } else {
                CertificateMeta meta = f.meta();
                value = switch (meta) {
                    case CERTIFICATE_NUMBER -> number;
                    case ISSUE_DATE -> chinese(today);
                    case ISSUER -> rule.issuer().zh();
                    case PASSED_DATE -> passed.actedAt() == null ? "" : chinese(LocalDate.ofInstant(passed.actedAt(),
                            CHINA));
                    case VERIFICATION_URL -> rule.verificationUrl().replace("{number}", number);
                    case APPLICANT_NAME -> holderName;
                    case ID_NUMBER -> idNumber;
                };
                mask = meta == CertificateMeta.APPLICANT_NAME ? "name" : meta == CertificateMeta.ID_NUMBER ? "id" : null;
            }
            fields.add(new Frozen(f.key(), f.label().zh(), value == null ? "" : value, mask));
        }
        return fields;
    }

    private static String answer(BusinessDescriptor descriptor, String fieldId, Object value) {
        if (value == null) {
            return "";
        }
        Optional<org.zhicheng.api.business.descriptor.Field> field = descriptor.field(fieldId);
        if (field.isPresent() && value instanceof String code) {
            return descriptor.choiceLabel(field.get(), code).map(l -> l.zh()).orElse(code);
        }
        return value.toString();
    }

    private static boolean needsIdNumber(Certificate rule) {
        return rule.fields().stream().anyMatch(f -> f.meta() == CertificateMeta.ID_NUMBER);
    }

    private String idNumber(String accountId) {
        ContactDirectory directory = contacts;
        if (directory == null) {
            throw refused(503, "identity-unavailable", "暂时无法读取身份证号，暂不能签发证书。",
                    "ID numbers cannot be read just now; certificates cannot be issued.");
        }
        return directory.idNumber(accountId).orElse("");
    }

    /** The name the person registered with, else the account's. */
    private String holderName(String accountId) {
        return Transactions.inTransaction(dataSource, "certificate-holder", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(p.name, a.display_name) FROM account a"
                    + " LEFT JOIN person p ON p.account_id = a.id WHERE a.id = ?")) {
                s.setString(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
    }

    /** The slot's current file, as uploaded: GD-CERT-3 freezes it into the certificate. */
    private byte[] photo(Caller issuer, Application application, String slotId) {
        Attachments media = attachments;
        if (media == null) {
            throw refused(503, "media-unavailable", "材料服务暂不可用，暂不能签发证书。",
                    "The file service is not available; certificates cannot be issued just now.");
        }
        StoredFile file = media.list(issuer, application.id()).files().stream()
                .filter(f -> f.slotId().equals(slotId)).findFirst()
                .orElseThrow(() -> refused(409, "photo-missing", "申报人尚未上传证件照，不能签发证书。",
                        "The applicant has no photo; the certificate cannot be issued."));
        if (file.size() > PHOTO_LIMIT) {
            throw refused(409, "photo-too-large", "证件照过大，不能放入证书。", "The photo is too large for a certificate.");
        }
        try (InputStream in = media.open(issuer, application.id(), slotId, file.id(), Attachments.Variant.ORIGINAL)
                .content().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BlobRef put(Connection c, byte[] bytes) {
        try {
            return blobs.put(c, new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Issued> find(String applicationId) {
        return Transactions.inTransaction(dataSource, "certificate-find", c -> find(c, applicationId));
    }

    private static Optional<Issued> find(Connection c, String applicationId) throws SQLException {
        return select(c, "application_id = ? AND status = 'VALID'", applicationId).stream().findFirst();
    }

    private static List<Issued> select(Connection c, String where, String parameter) throws SQLException {
        List<Issued> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT number, business_id, application_id,"
                + " holder_account_id, title, status, fields, issued_at, revoked_at, revoked_reason, superseded_by"
                + " FROM certificate"
                + " WHERE " + where)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Issued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Status.valueOf(rs.getString(6)), Frozen.parse(rs.getString(7)).stream()
                                    .map(Frozen::field).toList(), instant(rs, 8), instant(rs, 9), rs.getString(10),
                            rs.getString(11)));
                }
            }
        }
        return found;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String stepName(BusinessDescriptor descriptor, String stepId) {
        return descriptor.step(stepId).map(s -> s.name().zh()).orElse(stepId);
    }

    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static CertificateException refused(int status, String code, String zh, String en) {
        return new CertificateException(status, code, zh, en);
    }

    /** The signing key from configuration, or why there is none. */
    public record Signing(SigningKey key, String problem) {

        static Signing from(Map<String, Object> configuration, Clock clock) {
            Object path = configuration.get("signing.keystore");
            Object password = configuration.get("signing.password");
            if (path == null || path.toString().isBlank()) {
                return new Signing(null, "signing.keystore");
            }
            try (InputStream in = Files.newInputStream(Path.of(path.toString()))) {
                Object alias = configuration.get("signing.alias");
                return new Signing(SigningKey.pkcs12(in, password == null ? new char[0]
                        : password.toString().toCharArray(), alias == null || alias.toString().isBlank() ? null
                                : alias.toString(), Date.from(clock.instant())), null);
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("the certificate signing key cannot be used: {}", e.getMessage());
                return new Signing(null, "signing.keystore: " + e.getMessage());
            }
        }
    }

    /** Seal images from configuration, {@code seal.<alias>.image}, each compressed once. */
    static final class Seals {
        private Seals() {
        }

        static Map<String, PreparedImage> from(Map<String, Object> configuration) {
            Map<String, PreparedImage> seals = new java.util.HashMap<>();
            configuration.forEach((key, value) -> {
                if (key.startsWith("seal.") && key.endsWith(".image") && value != null && !value.toString().isBlank()) {
                    String alias = key.substring("seal.".length(), key.length() - ".image".length());
                    try {
                        seals.put(alias, PreparedImage.of(Files.readAllBytes(Path.of(value.toString()))));
                    } catch (IOException | IllegalArgumentException e) {
                        LOG.error("the seal {} cannot be read from {}: {}", alias, value, e.getMessage());
                    }
                }
            });
            return seals;
        }
    }
}
