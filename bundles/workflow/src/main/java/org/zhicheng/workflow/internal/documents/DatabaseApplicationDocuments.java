package org.zhicheng.workflow.internal.documents;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.business.RefusedException;
import org.zhicheng.api.business.descriptor.Audience;
import org.zhicheng.api.business.descriptor.BilingualText;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Document;
import org.zhicheng.api.business.descriptor.DocumentFormat;
import org.zhicheng.api.business.descriptor.DocumentKind;
import org.zhicheng.api.business.descriptor.FieldType;
import org.zhicheng.api.documents.ApplicationDocuments;
import org.zhicheng.api.documents.DocumentException;
import org.zhicheng.api.documents.Printing;
import org.zhicheng.api.documents.Rosters;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.ContactDirectory;
import org.zhicheng.api.media.Attachments;
import org.zhicheng.api.media.StoredFile;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.Applications;
import org.zhicheng.api.workflow.Reviews;
import org.zhicheng.api.workflow.WorkflowException;

/**
 * Produces a business's declared documents from one application: who may have which (the audience, the step or
 * gate after which it exists), the watermark until its step or gate has passed, the layout settings kept per
 * application, and the answers turned into printed text by {@link PrintModels}; {@link Printing} lays them out.
 */
@Component(service = ApplicationDocuments.class)
public final class DatabaseApplicationDocuments implements ApplicationDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseApplicationDocuments.class);

    /** A JPEG photo this small is printed as uploaded; anything else as its re-encoded preview. */
    private static final long ORIGINAL_PHOTO_LIMIT = 2L * 1024 * 1024;

    private final DataSource dataSource;
    private final Applications applications;
    private final BusinessRegistry registry;
    private final Printing printing;
    private final RosterExports rosterExports;
    private final Clock clock;

    /** Rosters are written by the documents bundle's writer; exports answer 503 while it is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Rosters rosters;

    /** ID numbers for rosters; only with the personal-data keys. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactDirectory contacts;

    /** Photos and file names come from the media service when it runs; forms print without them otherwise. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Attachments attachments;

    @Activate
    public DatabaseApplicationDocuments(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference Applications applications, @Reference Reviews reviews,
            @Reference BusinessRegistry registry, @Reference Printing printing) {
        this(dataSource, applications, reviews, registry, printing, null, null, null, Clock.systemUTC());
    }

    public DatabaseApplicationDocuments(DataSource dataSource, Applications applications, Reviews reviews,
            BusinessRegistry registry, Printing printing, Rosters rosters, Attachments attachments,
            ContactDirectory contacts, Clock clock) {
        this.dataSource = dataSource;
        this.applications = applications;
        this.registry = registry;
        this.printing = printing;
        this.rosterExports = new RosterExports(dataSource, reviews);
        this.rosters = rosters;
        this.attachments = attachments;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public RosterExport roster(Caller reviewer, RosterRequest request) {
        BusinessDescriptor descriptor = registry.current(request.businessId()).map(r -> r.descriptor())
                .orElseThrow(() -> new DocumentException(404, "business-unknown", "没有业务“" + request.businessId()
                        + "”。", "There is no business \"" + request.businessId() + "\"."));
        return rosterExports.prepare(reviewer, request, descriptor, rosters, contacts);
    }

    @Override
    public List<Offered> offered(Caller caller, String applicationId) {
        Application application = applications.get(caller, applicationId);
        boolean applicant = applicant(caller, application);
        BusinessDescriptor descriptor = descriptor(application);
        List<Offered> offered = new ArrayList<>();
        for (Document d : descriptor.documents()) {
            if (!forAudience(d, applicant)) {
                continue;
            }
            BilingualText unavailable = d.availableAfter() == null || passed(application, d.availableAfter()) ? null
                    : notYet(descriptor, d);
            offered.add(new Offered(d.id(), d.name(), d.kind(), d.formats(), unavailable == null, unavailable,
                    d.adjustable(), settings(applicationId, d.id())));
        }
        return offered;
    }

    @Override
    public Pdf pdf(Caller caller, String applicationId, String documentId) {
        Application application = applications.get(caller, applicationId);
        BusinessDescriptor descriptor = descriptor(application);
        Document document = printable(descriptor, documentId, applicant(caller, application));
        if (document.availableAfter() != null && !passed(application, document.availableAfter())) {
            BilingualText why = notYet(descriptor, document);
            throw new DocumentException(409, "document-not-yet-available", why.zh(), why.en());
        }
        LayoutSettings settings = settings(applicationId, documentId);
        PrintModels models = new PrintModels(descriptor, application, texts(caller, descriptor, application),
                slot -> photo(caller, application, slot));
        byte[] pdf;
        if (document.fitOnePage() || document.kind() == DocumentKind.PUBLIC_NOTICE) {
            pdf = printing.oneSheet(models.oneSheet(document, settings));
        } else {
            String watermark = document.watermark() == null || passed(application, document.watermark().untilPassed())
                    ? null : document.watermark().text().zh();
            String barcode = document.kind() == DocumentKind.CONFIRMATION_SHEET ? PrintModels.barcode(application)
                    : null;
            pdf = printing.form(models.form(document, settings, watermark, barcode));
        }
        return new Pdf(document.name().zh() + ".pdf", pdf);
    }

    @Override
    public LayoutSettings adjust(Caller caller, String applicationId, String documentId, LayoutSettings wanted) {
        Application application = applications.get(caller, applicationId);
        BusinessDescriptor descriptor = descriptor(application);
        Document document = printable(descriptor, documentId, applicant(caller, application));
        LayoutChecks.check(descriptor, document, wanted);
        Transactions.inTransaction(dataSource, "document-layout", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM document_layout WHERE application_id = ?"
                    + " AND document_id = ?")) {
                s.setString(1, applicationId);
                s.setString(2, documentId);
                s.executeUpdate();
            }
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO document_layout (application_id, document_id,"
                    + " part, font_size, blank_lines, row_height, blank_rows, updated_by, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Integer, Printing.Layout> page : wanted.pages().entrySet()) {
                    Printing.Layout l = page.getValue();
                    insert(s, applicationId, documentId, "page:" + page.getKey(), BigDecimal.valueOf(l.fontSize()),
                            l.blankLines(), BigDecimal.valueOf(l.rowHeight()), null, caller.accountId(), now);
                }
                for (Map.Entry<String, Integer> rows : wanted.blankRows().entrySet()) {
                    insert(s, applicationId, documentId, "rows:" + rows.getKey(), null, null, null, rows.getValue(),
                            caller.accountId(), now);
                }
                s.executeBatch();
            }
            return null;
        });
        return settings(applicationId, documentId);
    }

    private static void insert(PreparedStatement s, String applicationId, String documentId, String part,
            BigDecimal fontSize, Integer blankLines, BigDecimal rowHeight, Integer blankRows, String by,
            Timestamp at) throws SQLException {
        s.setString(1, applicationId);
        s.setString(2, documentId);
        s.setString(3, part);
        s.setBigDecimal(4, fontSize);
        s.setObject(5, blankLines, java.sql.Types.INTEGER);
        s.setBigDecimal(6, rowHeight);
        s.setObject(7, blankRows, java.sql.Types.INTEGER);
        s.setString(8, by);
        s.setTimestamp(9, at);
        s.addBatch();
    }

    /** The settings in force: what was saved, nothing for the rest (the layouts' defaults then apply). */
    private LayoutSettings settings(String applicationId, String documentId) {
        return Transactions.inTransaction(dataSource, "document-layout-read", c -> {
            Map<Integer, Printing.Layout> pages = new TreeMap<>();
            Map<String, Integer> blankRows = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT part, font_size, blank_lines, row_height,"
                    + " blank_rows FROM document_layout WHERE application_id = ? AND document_id = ?")) {
                s.setString(1, applicationId);
                s.setString(2, documentId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String part = rs.getString(1);
                        if (part.startsWith("page:")) {
                            pages.put(Integer.valueOf(part.substring(5)), new Printing.Layout(
                                    rs.getBigDecimal(2).floatValue(), rs.getInt(3), rs.getBigDecimal(4).floatValue()));
                        } else if (part.startsWith("rows:")) {
                            blankRows.put(part.substring(5), rs.getInt(5));
                        }
                    }
                }
            }
            return new LayoutSettings(pages, blankRows);
        });
    }

    /** A document the caller's audience may have as PDF, or the refusal. */
    private static Document printable(BusinessDescriptor descriptor, String documentId, boolean applicant) {
        Document document = descriptor.document(documentId).filter(d -> d.formats().contains(DocumentFormat.PDF)
                && d.kind() != DocumentKind.ROSTER).orElseThrow(() -> new DocumentException(404, "document-unknown",
                        "业务“" + descriptor.name().zh() + "”没有可打印的文档“" + documentId + "”。",
                        "The business \"" + descriptor.name().en() + "\" has no printable document \"" + documentId
                                + "\"."));
        if (!forAudience(document, applicant)) {
            throw new DocumentException(403, "document-not-for-you", "您不能获取“" + document.name().zh() + "”。",
                    "\"" + document.name().en() + "\" is not available to you.");
        }
        return document;
    }

    /** Applicants get what names them (or every document when none is named); reviewers likewise. */
    private static boolean forAudience(Document document, boolean applicant) {
        return document.audience().isEmpty()
                || document.audience().contains(applicant ? Audience.APPLICANT : Audience.REVIEWER);
    }

    private static boolean applicant(Caller caller, Application application) {
        return application.applicantAccountId().equals(caller.accountId());
    }

    /** Whether the step or gate has approved the application's current submission. */
    static boolean passed(Application application, String stepOrGate) {
        return application.chain().stream()
                .anyMatch(s -> s.stepId().equals(stepOrGate) && "approved".equals(s.status()));
    }

    private static BilingualText notYet(BusinessDescriptor descriptor, Document document) {
        String step = descriptor.step(document.availableAfter()).map(s -> s.name().zh())
                .orElse(document.availableAfter());
        String stepEn = descriptor.step(document.availableAfter()).map(s -> s.name().en())
                .orElse(document.availableAfter());
        return new BilingualText("“" + document.name().zh() + "”在“" + step + "”审核通过后才能打印。",
                "\"" + document.name().en() + "\" can be printed once \"" + stepEn + "\" has approved.");
    }

    private BusinessDescriptor descriptor(Application application) {
        return registry.byContentHash(application.contentHash()).map(r -> r.descriptor())
                .orElseThrow(() -> new WorkflowException(503, "descriptor-unavailable",
                        "该申报所依据的业务规则版本暂不可用，请稍后再试。",
                        "The rules version this application follows is not available just now; try again later."));
    }

    /** Display texts: organisation names read once, file names from the media service. */
    private AnswerTexts texts(Caller caller, BusinessDescriptor descriptor, Application application) {
        Set<String> organisationIds = PrintModels.answersOfType(descriptor, application, FieldType.ORGANISATION);
        Map<String, String> names = organisationIds.isEmpty() ? Map.of()
                : Transactions.inTransaction(dataSource, "organisation-names", c -> RosterExports.names(c,
                        organisationIds));
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (StoredFile f : files(caller, application)) {
            files.computeIfAbsent(f.slotId(), k -> new ArrayList<>()).add(f.fileName());
        }
        return new AnswerTexts(descriptor, names, files);
    }

    private List<StoredFile> files(Caller caller, Application application) {
        Attachments media = attachments;
        if (media == null) {
            return List.of();
        }
        try {
            return media.list(caller, application.id()).files();
        } catch (RefusedException e) {
            return List.of();
        }
    }

    /** The slot's current image, as uploaded when it is a small JPEG, else its preview; null when there is none. */
    private byte[] photo(Caller caller, Application application, String slotId) {
        Attachments media = attachments;
        if (media == null) {
            return null;
        }
        StoredFile file = files(caller, application).stream().filter(f -> f.slotId().equals(slotId)).findFirst()
                .orElse(null);
        if (file == null) {
            return null;
        }
        Attachments.Variant variant = "image/jpeg".equals(file.mediaType()) && file.size() <= ORIGINAL_PHOTO_LIMIT
                ? Attachments.Variant.ORIGINAL : Attachments.Variant.PREVIEW;
        try (InputStream in = media.open(caller, application.id(), slotId, file.id(), variant).content().open()) {
            return in.readAllBytes();
        } catch (IOException | RefusedException e) {
            // The form still prints, with an empty photo box, rather than not at all.
            LOG.warn("the photo of application {} cannot be printed: {}", application.id(), e.toString());
            return null;
        }
    }
}
