package org.zhicheng.workflow.internal.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import org.zhicheng.api.business.descriptor.Audience;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Column;
import org.zhicheng.api.business.descriptor.Document;
import org.zhicheng.api.business.descriptor.DocumentFormat;
import org.zhicheng.api.business.descriptor.DocumentKind;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.FieldType;
import org.zhicheng.api.documents.ApplicationDocuments.RosterExport;
import org.zhicheng.api.documents.ApplicationDocuments.RosterRequest;
import org.zhicheng.api.documents.DocumentException;
import org.zhicheng.api.documents.Rosters;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.ContactDirectory;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Reviews;
import org.zhicheng.workflow.internal.forms.Values;
import org.zhicheng.workflow.internal.store.ApplicationRows;
import org.zhicheng.workflow.internal.store.ApplicationRows.Row;

/**
 * A roster document (CQ-REV-4, FJ-8 "export Excel") written from a reviewer's queue: the document's columns, the
 * queue's filter and equality filters on its filterable columns, a page of the queue at a time so that memory stays
 * flat whatever the queue's length. ID numbers print in full only for callers holding {@link #FULL_ID_NUMBERS}.
 */
final class RosterExports {

    /** The permission to see ID numbers in full in rosters; everyone else sees {@code 440106********123X}. */
    static final String FULL_ID_NUMBERS = "person.id-number";

    private static final int PAGE = 500;

    private final DataSource dataSource;
    private final Reviews reviews;

    RosterExports(DataSource dataSource, Reviews reviews) {
        this.dataSource = dataSource;
        this.reviews = reviews;
    }

    RosterExport prepare(Caller reviewer, RosterRequest request, BusinessDescriptor descriptor, Rosters rosters,
            ContactDirectory contacts) {
        Document document = descriptor.document(request.documentId())
                .filter(d -> d.kind() == DocumentKind.ROSTER && d.formats().contains(DocumentFormat.XLSX))
                .orElseThrow(() -> new DocumentException(404, "document-unknown", "业务“" + descriptor.name().zh()
                        + "”没有花名册“" + request.documentId() + "”。", "The business \"" + descriptor.name().en()
                                + "\" has no roster \"" + request.documentId() + "\"."));
        if (!document.audience().isEmpty() && !document.audience().contains(Audience.REVIEWER)) {
            throw new DocumentException(403, "document-not-for-you", "您不能导出“" + document.name().zh() + "”。",
                    "\"" + document.name().en() + "\" is not available to you.");
        }
        for (String field : request.columnFilters().keySet()) {
            boolean filterable = document.columns().stream()
                    .anyMatch(c -> field.equals(c.field()) && Boolean.TRUE.equals(c.filterable()));
            if (!filterable) {
                throw new DocumentException(400, "not-filterable", "花名册不能按“" + field + "”筛选。",
                        "The roster cannot be filtered by \"" + field + "\".");
            }
        }
        if (rosters == null) {
            throw new DocumentException(503, "rosters-unavailable", "花名册导出暂不可用，请稍后再试。",
                    "Roster export is not available just now; try again later.");
        }
        boolean idNumbers = document.columns().stream().anyMatch(c -> c.meta() == org.zhicheng.api.business.descriptor
                .ColumnMeta.ID_NUMBER);
        if (idNumbers && contacts == null) {
            throw new DocumentException(503, "identity-unavailable", "暂时无法读取身份证号，请稍后再试。",
                    "ID numbers cannot be read just now; try again later.");
        }
        boolean full = reviewer.permissions().contains(FULL_ID_NUMBERS);
        List<Rosters.Column> columns = new ArrayList<>();
        List<Function<Line, Object>> cells = new ArrayList<>();
        for (Column c : document.columns()) {
            if (c.field() != null) {
                Field field = descriptor.field(c.field()).orElseThrow(() -> new IllegalStateException(
                        "no field " + c.field()));
                columns.add(new Rosters.Column(c.label() != null ? c.label().zh() : field.label().zh(),
                        fieldType(field), 0));
                cells.add(line -> fieldValue(field, line));
            } else {
                columns.add(new Rosters.Column(c.label() != null ? c.label().zh() : c.meta().json(), metaType(c), 0));
                cells.add(line -> metaValue(c, line, descriptor, contacts, full));
            }
        }
        Reviews.Filter f = request.filter();
        Reviews.Filter filter = new Reviews.Filter(descriptor.id(), f.stepId(), f.applicantOrganisationId(),
                f.applicantName(), f.submittedFrom(), f.submittedTo(), f.sort(), f.descending());
        String sheet = document.name().zh().replaceAll("[\\[\\]:*?/\\\\]", "").strip();
        String sheetName = sheet.isEmpty() ? "花名册" : sheet.substring(0, Math.min(31, sheet.length()));
        return new RosterExport() {
            @Override
            public String fileName() {
                return document.name().zh() + ".xlsx";
            }

            @Override
            public long writeTo(OutputStream out) throws IOException {
                Pages pages = new Pages(reviewer, request, filter, descriptor, cells);
                return rosters.write(sheetName, columns, pages::next, out);
            }
        };
    }

    /** One task of the queue with what its columns read. */
    private record Line(Reviews.Task task, Row row, Map<String, String> names, AnswerTexts texts,
            String pendingStep, List<FileFacts> files) {
    }

    private record FileFacts(String slotId, String fileName, long size, Instant uploadedAt) {
    }

    /** Pages through the queue, one page of applications, names and files read at a time. */
    private final class Pages {
        private final Caller reviewer;
        private final RosterRequest request;
        private final Reviews.Filter filter;
        private final BusinessDescriptor descriptor;
        private final List<Function<Line, Object>> cells;
        private final Deque<List<Object>> ready = new ArrayDeque<>();
        private int offset;
        private boolean done;

        Pages(Caller reviewer, RosterRequest request, Reviews.Filter filter, BusinessDescriptor descriptor,
                List<Function<Line, Object>> cells) {
            this.reviewer = reviewer;
            this.request = request;
            this.filter = filter;
            this.descriptor = descriptor;
            this.cells = cells;
        }

        List<Object> next() {
            while (ready.isEmpty() && !done) {
                Reviews.Page page = reviews.queue(reviewer, request.queue(), filter, offset, PAGE);
                offset += PAGE;
                done = page.tasks().size() < PAGE;
                for (Line line : lines(page.tasks())) {
                    if (matches(line)) {
                        List<Object> row = new ArrayList<>(cells.size());
                        cells.forEach(cell -> row.add(cell.apply(line)));
                        ready.add(row);
                    }
                }
            }
            return ready.poll();
        }

        private boolean matches(Line line) {
            for (Map.Entry<String, String> wanted : request.columnFilters().entrySet()) {
                Object answer = line.row().answers().get(wanted.getKey());
                Field field = descriptor.field(wanted.getKey()).orElseThrow();
                String printed = line.texts().text(field, answer);
                if (!wanted.getValue().equals(String.valueOf(answer)) && !wanted.getValue().equals(printed)) {
                    return false;
                }
            }
            return true;
        }

        private List<Line> lines(List<Reviews.Task> tasks) {
            if (tasks.isEmpty()) {
                return List.of();
            }
            List<String> ids = tasks.stream().map(Reviews.Task::applicationId).distinct().toList();
            return Transactions.inTransaction(dataSource, "roster-page", c -> {
                Map<String, Row> rows = ApplicationRows.findAll(c, ids);
                Map<String, String> pending = pendingSteps(c, ids);
                Map<String, List<FileFacts>> files = files(c, ids);
                Set<String> organisations = new HashSet<>();
                for (Row r : rows.values()) {
                    organisations.add(r.organisationId());
                    descriptor.fields().filter(f -> f.type() == FieldType.ORGANISATION)
                            .map(f -> r.answers().get(f.id())).filter(v -> v instanceof String)
                            .forEach(v -> organisations.add((String) v));
                }
                Map<String, String> names = names(c, organisations);
                AnswerTexts texts = new AnswerTexts(descriptor, names, Map.of());
                List<Line> lines = new ArrayList<>();
                for (Reviews.Task t : tasks) {
                    Row r = rows.get(t.applicationId());
                    if (r != null) {
                        lines.add(new Line(t, r, names, texts, pending.get(r.id()),
                                files.getOrDefault(r.id(), List.of())));
                    }
                }
                return lines;
            });
        }
    }

    private static Map<String, String> pendingSteps(Connection c, List<String> ids) throws SQLException {
        Map<String, String> steps = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT application_id, step_id FROM review_task t"
                + " WHERE t.status = 'pending' AND t.application_id IN (" + marks(ids.size()) + ")")) {
            bind(s, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    steps.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return steps;
    }

    private static Map<String, List<FileFacts>> files(Connection c, List<String> ids) throws SQLException {
        Map<String, List<FileFacts>> files = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT application_id, slot_id, file_name, size_bytes,"
                + " uploaded_at FROM application_file WHERE application_id IN (" + marks(ids.size()) + ")")) {
            bind(s, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(5);
                    files.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new FileFacts(rs.getString(2),
                            rs.getString(3), rs.getLong(4), at == null ? null : at.toInstant()));
                }
            }
        }
        return files;
    }

    /** The names of organisations, by id, read at once. */
    static Map<String, String> names(Connection c, Set<String> ids) throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        List<String> list = new ArrayList<>(ids);
        try (PreparedStatement s = c.prepareStatement("SELECT id, name FROM organisation WHERE id IN ("
                + marks(list.size()) + ")")) {
            bind(s, list);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return names;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement s, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(i + 1, values.get(i));
        }
    }

    private static Rosters.CellType fieldType(Field field) {
        return switch (field.type()) {
            case NUMBER, INTEGER -> Rosters.CellType.NUMBER;
            case DATE -> Rosters.CellType.DATE;
            default -> Rosters.CellType.TEXT;
        };
    }

    private static Object fieldValue(Field field, Line line) {
        Object answer = line.row().answers().get(field.id());
        if (answer == null) {
            return null;
        }
        switch (field.type()) {
            case NUMBER, INTEGER:
                return Values.number(answer);
            case DATE:
                try {
                    return LocalDate.parse(answer.toString());
                } catch (DateTimeParseException e) {
                    return null;
                }
            case FILE:
                return String.join("、", line.files().stream().filter(f -> f.slotId().equals(field.slot()))
                        .map(FileFacts::fileName).toList());
            default:
                return line.texts().text(field, answer);
        }
    }

    private static Rosters.CellType metaType(Column c) {
        return switch (c.meta()) {
            case SUBMITTED_AT, UPDATED_AT, UPLOADED_AT -> Rosters.CellType.DATE_TIME;
            case FILE_SIZE -> Rosters.CellType.NUMBER;
            default -> Rosters.CellType.TEXT;
        };
    }

    private static Object metaValue(Column c, Line line, BusinessDescriptor descriptor, ContactDirectory contacts,
            boolean fullIdNumbers) {
        Row r = line.row();
        List<FileFacts> slotFiles = line.files().stream().filter(f -> f.slotId().equals(c.slot())).toList();
        return switch (c.meta()) {
            case APPLICATION_NUMBER -> r.id().replace("-", "").toUpperCase(java.util.Locale.ROOT);
            case APPLICANT_NAME -> line.task().applicantName();
            case ID_NUMBER -> contacts.idNumber(r.applicantAccountId()).map(id -> fullIdNumbers ? id : masked(id))
                    .orElse(null);
            case UNIT -> line.names().getOrDefault(r.organisationId(), r.organisationId());
            case STATUS -> status(r.status());
            case CURRENT_STEP -> line.pendingStep() == null ? null
                    : descriptor.step(line.pendingStep()).map(s -> s.name().zh()).orElse(line.pendingStep());
            case SUBMITTED_AT -> r.submittedAt();
            case UPDATED_AT -> r.updatedAt();
            case FILE_SIZE -> slotFiles.isEmpty() ? null : slotFiles.stream().mapToLong(FileFacts::size).sum();
            case UPLOADED_AT -> slotFiles.stream().map(FileFacts::uploadedAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            case FILE_EXISTS -> slotFiles.isEmpty() ? "否" : "是";
        };
    }

    /** The first six and the last four characters, as offices print ID numbers for those who need no more. */
    static String masked(String idNumber) {
        if (idNumber.length() <= 10) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10)
                + idNumber.substring(idNumber.length() - 4);
    }

    private static String status(ApplicationStatus status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case IN_REVIEW -> "审核中";
            case RETURNED -> "已退回";
            case APPROVED -> "已通过";
            case REJECTED -> "未通过";
        };
    }
}
