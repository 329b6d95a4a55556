package org.zhicheng.certificates.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhicheng.api.business.Business;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.media.Attachments.Upload;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.certificates.internal.layout.CertificateLayoutTest;
import org.zhicheng.certificates.internal.signature.SigningKey;
import org.zhicheng.documents.pdf.PreparedImage;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.identity.internal.people.DatabaseContactDirectory;
import org.zhicheng.media.internal.DatabaseAttachments;
import org.zhicheng.persistence.internal.DatabaseBlobStore;
import org.zhicheng.persistence.internal.SchemaMigration;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;
import org.zhicheng.registry.internal.TestRegistries;
import org.zhicheng.workflow.internal.DatabaseApplications;
import org.zhicheng.workflow.internal.DatabaseReviews;

/**
 * A province with a hospital, applicants, the hospital's committee reviewer and the province's issuer, the
 * certified business offered by the real registry, the real workflow, media and blob store, and the certificates
 * service under test with a signing key and a seal made for the test, on one test database.
 */
final class CertificatesWorld implements AutoCloseable {

    static final String PASSWORD = "Kx7#vPq2!mRt";
    static final String BUSINESS = "certified";
    static final String ID_NUMBER = "44010619850101001X";
    private static final PasswordHasher HASHER = new PasswordHasher(new PasswordHasher.Settings(19456, 2, 1));
    private static final PiiCipher CIPHER = new PiiCipher("t1",
            HexFormat.of().parseHex("0123456789abcdeffedcba9876543210"),
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));

    final TestDatabase db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
    final DatabaseBlobStore blobs;
    final DatabaseApplications applications;
    final DatabaseReviews reviews;
    final DatabaseAttachments attachments;
    final DatabaseCertificates certificates;
    final SigningKey key;
    final Caller applicant;
    final Caller otherApplicant;
    final Caller reviewer;
    final Caller issuer;
    private final DatabaseAuditTrail audit;
    private final TestRegistries.OpenRegistry registry;

    CertificatesWorld(TestDatabases.Factory factory, SigningKey key, boolean withSeal) throws Exception {
        this.key = key;
        db = factory.create();
        SchemaMigration schema = TestDatabases.migrate(db.dataSource());
        audit = new DatabaseAuditTrail(db.dataSource(), clock);
        IdentityStore store = new IdentityStore(db.dataSource(), clock);
        var province = store.createOrganisation(null, "province-commission", "广东省人力资源和社会保障厅", "active");
        String hospital = store.createOrganisation(province.id(), "unit", "广东省人民医院", "active").id();
        String hash = HASHER.hash(PASSWORD);
        String applicantId = store.createAccount("applicant", "张三", hospital, hash, false, List.of("applicant"));
        store.createAccount("applicant2", "李四", hospital, hash, false, List.of("applicant"));
        store.createAccount("committee", "评委会", hospital, hash, false, List.of("unit-reviewer"));
        store.createAccount("issuer", "发证员", province.id(), hash, false, List.of("province-reviewer"));
        person(applicantId);
        DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                Duration.ofMinutes(30), Duration.ofHours(12));
        applicant = caller(auth, "applicant");
        otherApplicant = caller(auth, "applicant2");
        reviewer = caller(auth, "committee");
        issuer = caller(auth, "issuer");
        registry = TestRegistries.open(db.dataSource());
        byte[] descriptor = Files.readAllBytes(Path.of("src", "test", "resources", "descriptors", BUSINESS + ".json"));
        Business business = () -> new ByteArrayInputStream(descriptor);
        registry.offer(business, BUSINESS, 1);
        applications = new DatabaseApplications(db.dataSource(), registry.registry(), audit, clock, null);
        reviews = new DatabaseReviews(db.dataSource(), registry.registry(), audit, clock, null);
        blobs = new DatabaseBlobStore(db.dataSource(), schema);
        DatabaseContactDirectory contacts = new DatabaseContactDirectory(db.dataSource(), CIPHER);
        attachments = new DatabaseAttachments(db.dataSource(), blobs, registry.registry(), applications, audit,
                contacts, clock, new DatabaseAttachments.Limits(32L * 1024 * 1024, 40_000_000L, 1200, 240));
        certificates = new DatabaseCertificates(db.dataSource(), applications, registry.registry(), blobs, audit,
                attachments, contacts, clock, new DatabaseCertificates.Signing(key, key == null ? "signing.keystore"
                        : null), withSeal ? Map.of("gd-seal", PreparedImage.of(CertificateLayoutTest.seal())) : Map.of());
    }

    private static Caller caller(DatabaseAuthentication auth, String username) {
        return ((SignedIn) auth.login(username, PASSWORD, null)).session().caller();
    }

    /** The person behind the applicant's account, ID number stored encrypted as the identity bundle stores it. */
    private void person(String accountId) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO person (id, id_type, id_number_enc, id_number_hash, id_number_masked, name, account_id,"
                        + " created_at, row_version) VALUES (?, 'resident-id', ?, ?, ?, '张三', ?, ?, 0)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, CIPHER.encrypt(ID_NUMBER, "person.idNumber"));
            s.setString(3, CIPHER.lookupHash(ID_NUMBER, "person.idNumber"));
            s.setString(4, "440106********001X");
            s.setString(5, accountId);
            s.setObject(6, OffsetDateTime.now());
            s.executeUpdate();
        }
    }

    /** An application with its photo, submitted, and approved by the committee when {@code approve}. */
    Application application(Caller who, byte[] photo, boolean approve) {
        Application draft = applications.create(who, BUSINESS, null);
        Application saved = applications.save(who, draft.id(), draft.version(), Map.of("declaredTitle",
                "chief-physician", "declaredLevel", "senior", "specialty", "心血管内科"), null);
        attachments.upload(who, saved.id(), new Upload("photo", null, "photo.jpg", photo.length,
                new ByteArrayInputStream(photo), null), null);
        Application current = applications.get(who, saved.id());
        Application submitted = applications.submit(who, current.id(), current.version(), null);
        if (approve) {
            return reviews.act(reviewer, submitted.currentStep().orElseThrow().taskId(), ReviewAction.APPROVE,
                    "同意", null, null);
        }
        return submitted;
    }

    @Override
    public void close() {
        registry.close();
        try {
            db.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot drop the test database", e);
        }
    }
}
