package org.zhicheng.media.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.FileNameMode;
import org.zhicheng.api.business.descriptor.FileNameRule;
import org.zhicheng.api.business.descriptor.FileType;
import org.zhicheng.api.business.descriptor.UploadSlot;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.ContactDirectory;
import org.zhicheng.api.media.Attachments;
import org.zhicheng.api.media.MediaException;
import org.zhicheng.api.media.StoredFile;
import org.zhicheng.api.persistence.BlobRef;
import org.zhicheng.api.persistence.BlobStore;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.registry.RegisteredBusiness;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Applications;
import org.zhicheng.media.internal.FileRows.FileRow;

/**
 * The files of applications on the database and the blob store. An upload is checked completely (size while
 * reading, type from the bytes, the slot's image or PDF rules) before anything is written; then the bytes, their
 * preview and thumbnail, and the file's row are stored in one transaction that also locks the application, so a
 * concurrent submission sees the file or refuses it, and a failure leaves neither an orphan blob nor a dangling
 * row. Who may see an application is decided by the workflow's {@link Applications#get} alone.
 */
@Component(service = Attachments.class, configurationPid = "org.zhicheng.media",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseAttachments.Settings.class)
public final class DatabaseAttachments implements Attachments {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAttachments.class);

    /** The media settings ({@code etc/org.zhicheng.media.cfg}). */
    @ObjectClassDefinition(name = "Zhicheng media")
    public @interface Settings {

        @AttributeDefinition(description = "The most bytes of any one upload, whatever a slot allows.")
        long upload_maxBytes() default 32L * 1024 * 1024;

        @AttributeDefinition(description = "The most pixels (width x height) of an image ever decoded; larger"
                + " images are refused from their header.")
        long image_maxPixels() default 40_000_000L;

        @AttributeDefinition(description = "The longest side of a preview, in pixels.")
        int preview_maxSide() default 1200;

        @AttributeDefinition(description = "The longest side of a thumbnail, in pixels.")
        int thumbnail_maxSide() default 240;
    }

    /** The bounds of {@link Settings}, as plain values for tests. */
    public record Limits(long maxBytes, long maxPixels, int previewSide, int thumbnailSide) {

        static Limits of(Settings s) {
            return new Limits(s.upload_maxBytes(), s.image_maxPixels(), s.preview_maxSide(), s.thumbnail_maxSide());
        }
    }

    private final DataSource dataSource;
    private final BlobStore blobs;
    private final BusinessRegistry registry;
    private final Applications applications;
    private final AuditTrail audit;
    private final Clock clock;
    private final Limits limits;
    private final FileChecks checks;

    // Optional: only slots named by the applicant's ID number need it (GD-PHOTO-2); they refuse without it.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactDirectory contacts;

    @Activate
    public DatabaseAttachments(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference BlobStore blobs, @Reference BusinessRegistry registry,
            @Reference Applications applications, @Reference AuditTrail audit, Settings settings) {
        this(dataSource, blobs, registry, applications, audit, null, Clock.systemUTC(), Limits.of(settings));
        // PDFBox caches the system's font list in the user's home directory unless told otherwise: keep it in
        // Karaf's data directory with everything else the node writes.
        String data = System.getProperty("karaf.data");
        if (data != null && System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", data);
        }
    }

    @Deactivate
    void deactivate() {
        checks.close();
    }

    public DatabaseAttachments(DataSource dataSource, BlobStore blobs, BusinessRegistry registry,
            Applications applications, AuditTrail audit, ContactDirectory contacts, Clock clock, Limits limits) {
        this.dataSource = dataSource;
        this.blobs = blobs;
        this.registry = registry;
        this.applications = applications;
        this.audit = audit;
        this.contacts = contacts;
        this.clock = clock;
        this.limits = limits;
        this.checks = new FileChecks(clock, limits.maxPixels());
    }

    @Override
    public StoredFile upload(Caller applicant, String applicationId, Upload upload, String clientIp) {
        own(applicant, applicationId);
        // Draft or returned, inside the applicant window (GD-PHOTO-3); the status is checked again under the lock.
        Application application = applications.changeable(applicant, applicationId);
        BusinessDescriptor descriptor = descriptor(application);
        UploadSlot slot = slot(descriptor, upload.slotId());
        requireRow(slot, upload.rowId(), application.answers());
        long limit = slot.maxBytes() == null ? limits.maxBytes() : Math.min(slot.maxBytes(), limits.maxBytes());
        if (upload.declaredLength() > limit) {
            throw Refusals.tooLarge(slot, upload.declaredLength(), limit);
        }
        byte[] content = read(upload.content(), limit, slot);
        FileChecks.Checked checked = checks.check(content, slot);
        String fileName = name(slot, application, applicant, upload.fileName(), checked.type());
        byte[] preview = checks.preview(content, checked.type(), limits.previewSide());
        byte[] thumbnail = checks.preview(content, checked.type(), limits.thumbnailSide());
        Instant now = clock.instant();
        FileRow[] replaced = new FileRow[1];
        FileRow stored = Transactions.inTransaction(dataSource, "media", c -> {
            requireEditable(lockStatus(c, applicationId));
            List<FileRow> files = FileRows.ofApplication(c, applicationId);
            FileRow old = replaced(files, slot, upload);
            List<FileRow> inSlot = files.stream().filter(f -> sameSlot(f, slot.id(), upload.rowId()) && f != old)
                    .toList();
            if (inSlot.size() >= slot.maxFiles()) {
                throw Refusals.slotFull(slot);
            }
            long used = files.stream().filter(f -> f != old).mapToLong(FileRow::size).sum();
            Long quota = descriptor.uploads().quotaBytes();
            if (quota != null && used + content.length > quota) {
                throw Refusals.quota(slot, used, content.length, quota);
            }
            if (old != null) {
                FileRows.delete(c, old.id());
                release(c, old);
                replaced[0] = old;
            }
            String sha256 = put(c, content);
            String previewSha256 = preview == null ? null : put(c, preview);
            String thumbnailSha256 = thumbnail == null ? null : put(c, thumbnail);
            FileRow row = new FileRow(UUID.randomUUID().toString(), applicationId, slot.id(), upload.rowId(),
                    unique(fileName, inSlot), FileNames.display(upload.fileName()), checked.mediaType(),
                    content.length, sha256, previewSha256, thumbnailSha256, checked.width(), checked.height(),
                    checked.pages(), Warnings.json(checked.warnings()), applicant.accountId(), now);
            FileRows.insert(c, row);
            return row;
        });
        audit.record(new AuditEvent("media.upload", applicant.actor(clientIp), "application", applicationId,
                replaced[0] == null ? null : replaced[0].sha256(), stored.sha256(),
                "slot=" + slot.id() + (upload.rowId() == null ? "" : " row=" + upload.rowId()) + " file=" + stored.id()
                        + " size=" + stored.size() + (replaced[0] == null ? "" : " replaces=" + replaced[0].id())));
        return view(stored);
    }

    @Override
    public Listing list(Caller caller, String applicationId) {
        Application application = applications.get(caller, applicationId);
        List<FileRow> rows = read(c -> FileRows.ofApplication(c, applicationId));
        return new Listing(rows.stream().map(DatabaseAttachments::view).toList(),
                rows.stream().mapToLong(FileRow::size).sum(), descriptor(application).uploads().quotaBytes());
    }

    @Override
    public Download open(Caller caller, String applicationId, String slotId, String fileId, Variant variant) {
        // Observers without canDownload see previews, not the evidence itself (GD-PHOTO-6).
        Applications.Reach reach = applications.reach(caller, applicationId);
        if (variant == Variant.ORIGINAL && !reach.mayDownload()) {
            throw new MediaException(403, "download-not-allowed", "您可以查看这份申报，但不能下载其原始材料。",
                    "You may view this application but not download its original files.");
        }
        FileRow row = read(c -> FileRows.find(c, applicationId, fileId)).filter(f -> f.slotId().equals(slotId))
                .orElseThrow(Refusals::fileNotFound);
        String sha256 = switch (variant) {
            case ORIGINAL -> row.sha256();
            case PREVIEW -> row.previewSha256();
            case THUMBNAIL -> row.thumbnailSha256();
        };
        if (sha256 == null) {
            throw Refusals.noPreview();
        }
        long size = stat(sha256).size();
        if (variant == Variant.ORIGINAL) {
            return new Download(row.fileName(), row.mediaType(), size, sha256, () -> openBlob(sha256));
        }
        String base = row.fileName().contains(".") ? row.fileName().substring(0, row.fileName().lastIndexOf('.'))
                : row.fileName();
        String suffix = variant == Variant.PREVIEW ? "-preview.jpg" : "-thumbnail.jpg";
        return new Download(base + suffix, "image/jpeg", size, sha256, () -> openBlob(sha256));
    }

    @Override
    public void delete(Caller applicant, String applicationId, String slotId, String fileId, String clientIp) {
        own(applicant, applicationId);
        applications.changeable(applicant, applicationId);
        FileRow deleted = Transactions.inTransaction(dataSource, "media", c -> {
            requireEditable(lockStatus(c, applicationId));
            FileRow row = FileRows.find(c, applicationId, fileId).filter(f -> f.slotId().equals(slotId))
                    .orElseThrow(Refusals::fileNotFound);
            FileRows.delete(c, row.id());
            release(c, row);
            return row;
        });
        audit.record(new AuditEvent("media.delete", applicant.actor(clientIp), "application", applicationId,
                deleted.sha256(), null, "slot=" + deleted.slotId() + " file=" + deleted.id()));
    }

    @Override
    public int zip(Caller caller, String businessId, String slotId, String organisationId, OutputStream out)
            throws IOException {
        if (!caller.has("media.export")) {
            throw new MediaException(403, "forbidden", "您没有下载这些文件的权限。",
                    "You are not allowed to download these files.");
        }
        RegisteredBusiness business = (businessId == null ? java.util.Optional.<RegisteredBusiness>empty()
                : registry.current(businessId)).orElseThrow(() -> new MediaException(404, "business-not-found",
                        "没有这项业务。", "No such business."));
        slot(business.descriptor(), slotId);
        String scope = organisationId == null ? caller.organisationPath()
                : read(c -> organisationPath(c, organisationId));
        if (scope == null || !caller.canSee(scope)) {
            throw new MediaException(404, "organisation-not-found", "没有这个单位，或它不在您的管辖范围内。",
                    "No such organisation in your scope.");
        }
        List<FileRow> rows = read(c -> inScope(c, businessId, slotId, scope));
        Set<String> names = new HashSet<>();
        ZipOutputStream zip = new ZipOutputStream(out);
        for (FileRow row : rows) {
            ZipEntry entry = new ZipEntry(unique(row.fileName(), names));
            entry.setTime(row.uploadedAt().toEpochMilli());
            zip.putNextEntry(entry);
            try (InputStream in = openBlob(row.sha256())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
        audit.record(new AuditEvent("media.export", caller.actor(null), "business", businessId, null, null,
                "slot=" + slotId + " scope=" + scope + " files=" + rows.size()));
        return rows.size();
    }

    /** The caller's own application; another's that the caller may read is still not the caller's to change. */
    private Application own(Caller applicant, String applicationId) {
        Application application = applications.get(applicant, applicationId);
        if (!application.applicantAccountId().equals(applicant.accountId())) {
            throw new MediaException(403, "not-applicant", "只有申报人本人可以上传或删除申报材料。",
                    "Only the applicant can upload or delete the application's files.");
        }
        return application;
    }

    private static void requireEditable(ApplicationStatus status) {
        if (status != ApplicationStatus.DRAFT && status != ApplicationStatus.RETURNED) {
            throw new MediaException(409, "not-editable", "申报已提交，当前不能修改材料（退回后可修改）。",
                    "The application is submitted; its files cannot be changed now (they can once it is returned).");
        }
    }

    /** Locks the application row for the rest of the transaction and reads its status. */
    private static ApplicationStatus lockStatus(Connection c, String applicationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM application WHERE id = ? FOR UPDATE")) {
            s.setString(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw Refusals.fileNotFound();
                }
                return ApplicationStatus.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT));
            }
        }
    }

    private BusinessDescriptor descriptor(Application application) {
        return registry.byContentHash(application.contentHash()).orElseThrow(() -> new IllegalStateException(
                "descriptor " + application.contentHash() + " of application " + application.id()
                        + " is missing from the registry")).descriptor();
    }

    private static UploadSlot slot(BusinessDescriptor descriptor, String slotId) {
        return (slotId == null ? java.util.Optional.<UploadSlot>empty() : descriptor.slot(slotId))
                .orElseThrow(() -> new MediaException(404, "slot-not-found", "这项业务没有这个上传栏目。",
                        "The business has no such upload slot."));
    }

    /** A row slot needs a saved row of its section (CQ-APP-4); a form-level slot takes no row. */
    private static void requireRow(UploadSlot slot, String rowId, Map<String, Object> answers) {
        String section = slot.backs() == null ? null : slot.backs().section();
        if (section == null) {
            if (rowId != null) {
                throw Refusals.noRowSlot(slot);
            }
            return;
        }
        boolean saved = rowId != null && answers.get(section) instanceof List<?> rows && rows.stream()
                .anyMatch(r -> r instanceof Map<?, ?> m && rowId.equals(m.get("_id"))
                        && !Boolean.TRUE.equals(m.get("_deleted")));
        if (!saved) {
            throw Refusals.rowNotSaved(slot);
        }
    }

    /** Reads at most {@code limit} bytes; one more refuses the upload without reading the rest. */
    private static byte[] read(InputStream content, long limit, UploadSlot slot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = content.read(buffer)) != -1;) {
                if (bytes.size() + (long) n > limit) {
                    throw Refusals.tooLarge(slot, -1, limit);
                }
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MediaException(400, "upload-interrupted", "文件没有传完整，请重新上传。",
                    "The file did not arrive completely; upload it again.");
        }
        return bytes.toByteArray();
    }

    /** The stored name: the slot's naming rule (GD-PHOTO-2: the ID number), else the client's name made safe. */
    private String name(UploadSlot slot, Application application, Caller applicant, String clientName,
            FileType type) {
        FileNameRule rule = slot.fileName();
        if (rule == null) {
            return FileNames.base(clientName, slot.id()) + FileNames.extension(type);
        }
        String required = switch (rule.source()) {
            case APPLICANT_ID_NUMBER -> idNumber(applicant.accountId());
            case FIELD -> application.answers().get(rule.field()) instanceof String s && !s.isBlank() ? s.strip()
                    : null;
        };
        if (required == null) {
            throw Refusals.nameSourceMissing(slot);
        }
        if (rule.mode() == FileNameMode.REQUIRE && !FileNames.named(clientName, required)) {
            throw Refusals.wrongName(slot, required + FileNames.extension(type));
        }
        return FileNames.base(required, slot.id()) + FileNames.extension(type);
    }

    private String idNumber(String accountId) {
        ContactDirectory directory = contacts;
        if (directory == null) {
            throw new MediaException(503, "identity-unavailable", "暂时无法读取您的身份证号，请稍后再试。",
                    "Your ID number cannot be read just now; try again later.");
        }
        return directory.idNumber(accountId).orElse(null);
    }

    /** The file an upload replaces: the named one, or the only file of a single-file slot (GD-CERT-3). */
    private static FileRow replaced(List<FileRow> files, UploadSlot slot, Upload upload) {
        if (upload.replaceFileId() != null) {
            return files.stream().filter(f -> f.id().equals(upload.replaceFileId())
                    && sameSlot(f, slot.id(), upload.rowId())).findFirst().orElseThrow(Refusals::fileNotFound);
        }
        List<FileRow> inSlot = files.stream().filter(f -> sameSlot(f, slot.id(), upload.rowId())).toList();
        return slot.maxFiles() == 1 && inSlot.size() == 1 ? inSlot.get(0) : null;
    }

    private static boolean sameSlot(FileRow f, String slotId, String rowId) {
        return f.slotId().equals(slotId) && java.util.Objects.equals(f.rowId(), rowId);
    }

    private static String unique(String fileName, List<FileRow> inSlot) {
        return unique(fileName, inSlot.stream().map(FileRow::fileName).collect(Collectors.toCollection(HashSet::new)));
    }

    /** The name, or the name with "-2", "-3" … before its extension when taken; adds it to {@code taken}. */
    private static String unique(String fileName, Set<String> taken) {
        String candidate = fileName;
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "-" + n + extension;
        }
        taken.add(candidate);
        return candidate;
    }

    private String put(Connection c, byte[] content) {
        try {
            return blobs.put(c, new ByteArrayInputStream(content), content.length).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the blobs of a removed file that no other file refers to, in the same transaction. */
    private void release(Connection c, FileRow row) {
        for (String sha256 : new String[] {row.sha256(), row.previewSha256(), row.thumbnailSha256()}) {
            if (sha256 != null) {
                try {
                    blobs.deleteIfUnreferenced(c, sha256, blobs.schemaReferences());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private BlobRef stat(String sha256) {
        try {
            return blobs.stat(sha256).orElseThrow(() -> missing(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream openBlob(String sha256) throws IOException {
        return blobs.open(sha256).orElseThrow(() -> missing(sha256));
    }

    private static IllegalStateException missing(String sha256) {
        LOG.error("blob {} of an application file is missing from the blob store", sha256);
        return new IllegalStateException("blob " + sha256 + " is missing");
    }

    private static String organisationPath(Connection c, String organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT path FROM organisation WHERE id = ?")) {
            s.setString(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The current files of a slot of the business's applications under {@code scopePath}, by unit and name. */
    private static List<FileRow> inScope(Connection c, String businessId, String slotId, String scopePath)
            throws SQLException {
        String like = scopePath.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (PreparedStatement s = c.prepareStatement("SELECT f.id, f.application_id, f.slot_id, f.row_id,"
                + " f.file_name, f.original_name, f.media_type, f.size_bytes, f.sha256, f.preview_sha256,"
                + " f.thumbnail_sha256, f.width, f.height, f.pages, f.warnings, f.uploaded_by, f.uploaded_at"
                + " FROM application_file f JOIN application a ON a.id = f.application_id"
                + " WHERE a.business_id = ? AND f.slot_id = ? AND a.organisation_path LIKE ? ESCAPE '\\'"
                + " ORDER BY a.organisation_path, f.file_name, f.id")) {
            s.setString(1, businessId);
            s.setString(2, slotId);
            s.setString(3, like);
            List<FileRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(FileRows.row(rs));
                }
            }
            return rows;
        }
    }

    private <T> T read(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "media", work);
    }

    private static StoredFile view(FileRow f) {
        List<FieldProblem> warnings = Warnings.parse(f.warnings(), "files." + f.slotId());
        return new StoredFile(f.id(), f.slotId(), f.rowId(), f.fileName(), f.originalName(), f.mediaType(), f.size(),
                f.sha256(), f.width(), f.height(), f.pages(), warnings, f.uploadedAt());
    }
}
