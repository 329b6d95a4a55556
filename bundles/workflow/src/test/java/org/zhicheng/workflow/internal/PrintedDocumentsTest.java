package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.RefusedException;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.documents.ApplicationDocuments;
import org.zhicheng.api.documents.ApplicationDocuments.LayoutSettings;
import org.zhicheng.api.documents.ApplicationDocuments.Offered;
import org.zhicheng.api.documents.DocumentException;
import org.zhicheng.api.documents.Printing;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.Reviews;
import org.zhicheng.documents.internal.print.PdfPrinting;
import org.zhicheng.documents.internal.roster.FastExcelRosters;
import org.zhicheng.identity.internal.people.DatabaseContactDirectory;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.workflow.internal.documents.DatabaseApplicationDocuments;

/**
 * The documents a business declares, printed from a real application through the real workflow and the real PDF
 * layout (P5): answers as printed text, rows marked deleted left out (CQ-APP-5), the 草稿 watermark until the unit
 * approves (CQ-DOC-1), the confirmation sheet only after it (FJ-1), the one-sheet public notice with only the rows
 * flagged for it (CQ-DOC-2), audiences, layout settings kept per application, and the Excel roster of a reviewer's
 * queue (CQ-REV-4, FJ-8).
 */
class PrintedDocumentsTest {

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void theReviewFormPrintsTheAnswersWithoutDeletedRowsAndIsADraftUntilTheUnitApproves(
            TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            ApplicationDocuments documents = documents(f);
            Application submitted = submitted(f);
            String task = submitted.currentStep().orElseThrow().taskId();
            f.reviews.markRows(f.reviewerA, task, submitted.version(), "study", List.of(2), true, "与学历无关", null);

            String draft = text(documents.pdf(f.applicant, submitted.id(), "review-form"));
            for (String printed : List.of("评审表", "申报人基本情况", "李娜", "男", "临床医学", "12年", "是", "渝中区人民医院",
                    "学习经历", "2001-09", "重庆医科大学", "2006-09", "四川大学华西医学中心", "本人承诺所填内容真实准确", "草稿")) {
                assertTrue(draft.contains(printed), printed + " in " + draft);
            }
            assertFalse(draft.contains("已删除的进修学校"), "CQ-APP-5: the row marked deleted does not print");

            f.reviews.act(f.reviewerA, task, ReviewAction.APPROVE, "同意", null, null);
            String approved = text(documents.pdf(f.reviewerA, submitted.id(), "review-form"));
            assertFalse(approved.contains("草稿"), "CQ-DOC-1: no watermark once the unit has approved");
            assertTrue(approved.contains("李娜"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void theConfirmationSheetExistsOnlyAfterTheUnitReviewAndOnlyForTheApplicant(TestDatabases.Factory factory)
            throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            ApplicationDocuments documents = documents(f);
            Application submitted = submitted(f);
            DocumentException early = assertThrows(DocumentException.class,
                    () -> documents.pdf(f.applicant, submitted.id(), "confirmation"));
            assertEquals(409, early.status());
            assertEquals("document-not-yet-available", early.code());
            assertTrue(early.zh().contains("单位审核"), early.zh());
            Offered listed = documents.offered(f.applicant, submitted.id()).stream()
                    .filter(o -> o.id().equals("confirmation")).findFirst().orElseThrow();
            assertFalse(listed.available());
            assertEquals(early.zh(), listed.unavailable().zh());

            f.reviews.act(f.reviewerA, submitted.currentStep().orElseThrow().taskId(), ReviewAction.APPROVE, "同意",
                    null, null);
            String sheet = text(documents.pdf(f.applicant, submitted.id(), "confirmation"));
            assertTrue(sheet.contains("审核确认单") && sheet.contains("李娜"), sheet);
            assertTrue(sheet.contains(submitted.id().replace("-", "").toUpperCase()), "FJ-1: the barcode's number");
            assertEquals(403, assertThrows(DocumentException.class,
                    () -> documents.pdf(f.reviewerA, submitted.id(), "confirmation")).status(), "applicants only");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void thePublicNoticeIsOneA3SheetWithOnlyTheRowsFlaggedForIt(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            ApplicationDocuments documents = documents(f);
            Application submitted = submitted(f);
            ApplicationDocuments.Pdf notice = documents.pdf(f.reviewerA, submitted.id(), "public-notice");
            assertEquals("评审综合情况（公示）表.pdf", notice.fileName());
            try (PDDocument doc = Loader.loadPDF(notice.content())) {
                assertEquals(1, doc.getNumberOfPages(), "CQ-DOC-2: exactly one sheet");
                assertEquals(1190.55f, doc.getPage(0).getMediaBox().getWidth(), 0.5f, "A3 landscape");
            }
            String text = text(notice);
            assertTrue(text.contains("重庆医科大学") && text.contains("已删除的进修学校"), "flagged rows: " + text);
            assertFalse(text.contains("四川大学华西医学中心"), "a row not flagged for the notice: " + text);
            assertEquals(403, assertThrows(DocumentException.class,
                    () -> documents.pdf(f.applicant, submitted.id(), "public-notice")).status(), "reviewers only");
            assertEquals(404, assertThrows(DocumentException.class,
                    () -> documents.pdf(f.reviewerA, submitted.id(), "roster")).status(), "a roster is not a PDF");
            assertEquals(404, assertThrows(DocumentException.class,
                    () -> documents.pdf(f.reviewerA, submitted.id(), "no-such")).status());
            assertEquals(404, assertThrows(RefusedException.class,
                    () -> documents.pdf(f.reviewerB, submitted.id(), "review-form")).status(),
                    "another hospital's reviewer does not see the application at all");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void layoutSettingsAreKeptPerApplicationAndOnlyWhereTheDocumentAllowsThem(TestDatabases.Factory factory)
            throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            ApplicationDocuments documents = documents(f);
            Application submitted = submitted(f);
            LayoutSettings wanted = new LayoutSettings(Map.of(2, new Printing.Layout(8, 3, 24)), Map.of());
            assertEquals(wanted, documents.adjust(f.applicant, submitted.id(), "review-form", wanted));
            Offered form = documents.offered(f.applicant, submitted.id()).stream()
                    .filter(o -> o.id().equals("review-form")).findFirst().orElseThrow();
            assertEquals(wanted, form.layout(), "CQ-DOC-1: kept for the next print");
            assertTrue(text(documents.pdf(f.applicant, submitted.id(), "review-form")).contains("重庆医科大学"));

            assertEquals("no-such-page", code(() -> documents.adjust(f.applicant, submitted.id(), "review-form",
                    new LayoutSettings(Map.of(4, Printing.Layout.DEFAULT), Map.of()))));
            assertEquals("not-adjustable", code(() -> documents.adjust(f.reviewerA, submitted.id(), "public-notice",
                    new LayoutSettings(Map.of(1, new Printing.Layout(10.5f, 0, 30)), Map.of()))));
            assertEquals("no-such-table", code(() -> documents.adjust(f.reviewerA, submitted.id(), "public-notice",
                    new LayoutSettings(Map.of(), Map.of("basic", 2)))));
            LayoutSettings rows = new LayoutSettings(Map.of(1, new Printing.Layout(14, 0, 0)), Map.of("study", 4));
            assertEquals(rows, documents.adjust(f.reviewerA, submitted.id(), "public-notice", rows));
            try (PDDocument doc = Loader.loadPDF(documents.pdf(f.reviewerA, submitted.id(), "public-notice")
                    .content())) {
                assertEquals(1, doc.getNumberOfPages());
            }
            assertEquals(wanted, documents.offered(f.applicant, submitted.id()).stream()
                    .filter(o -> o.id().equals("review-form")).findFirst().orElseThrow().layout(),
                    "each document keeps its own settings");
            List<String> reviewerSees = documents.offered(f.reviewerA, submitted.id()).stream().map(Offered::id)
                    .toList();
            assertEquals(List.of("review-form", "public-notice", "roster"), reviewerSees);
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void theRosterIsTheReviewersQueueWithTypedColumnsAndIdNumbersMaskedByRole(TestDatabases.Factory factory)
            throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            NotifierChannelsTest.registerMobile(f, f.applicant.accountId(), "13800138000");
            ApplicationDocuments documents = documents(f);
            Application first = submitted(f);
            Application draft = f.applications.create(f.secondApplicant, WorkflowFixture.PRINTED, null);
            Application saved = f.applications.save(f.secondApplicant, draft.id(), draft.version(),
                    Map.of("name", "王强", "sex", "f", "years", 3), null);
            f.applications.submit(f.secondApplicant, saved.id(), saved.version(), null);

            List<List<String>> unit = roster(documents, f.reviewerA, Reviews.Queue.PENDING, Map.of());
            assertEquals(List.of("姓名", "身份证号", "单位", "性别", "从业年限", "状态", "当前环节", "提交时间", "照片"),
                    unit.get(0), "CQ-REV-4: the document's columns");
            assertEquals(3, unit.size(), "both applicants of the unit's pending queue: " + unit);
            List<String> li = unit.stream().filter(r -> r.get(0).equals("李娜")).findFirst().orElseThrow();
            assertEquals(List.of("李娜", "500103********0418", "渝中区人民医院", "男", "12", "审核中", "单位审核"),
                    li.subList(0, 7), "a unit sees ID numbers masked");
            assertEquals("否", li.get(8));
            assertEquals(List.of("王强"), roster(documents, f.reviewerA, Reviews.Queue.PENDING, Map.of("sex", "f"))
                    .stream().skip(1).map(r -> r.get(0)).toList(), "a filterable column filters by code");
            assertEquals(List.of("王强"), roster(documents, f.reviewerA, Reviews.Queue.PENDING, Map.of("sex", "女"))
                    .stream().skip(1).map(r -> r.get(0)).toList(), "or by its printed label");
            assertEquals(1, roster(documents, f.reviewerB, Reviews.Queue.PENDING, Map.of()).size(),
                    "another unit's reviewer exports only the header of an empty queue");

            f.reviews.act(f.reviewerA, first.currentStep().orElseThrow().taskId(), ReviewAction.APPROVE, "同意", null,
                    null);
            List<List<String>> district = roster(documents, f.districtReviewer, Reviews.Queue.PENDING, Map.of());
            assertEquals(2, district.size());
            assertEquals("500103198511200418", district.get(1).get(1), "an authority sees the full ID number");
            assertEquals("区级审核", district.get(1).get(6));

            assertEquals("not-filterable", code(() -> documents.roster(f.reviewerA, new ApplicationDocuments
                    .RosterRequest(WorkflowFixture.PRINTED, "roster", Reviews.Queue.PENDING, Reviews.Filter.all(),
                            Map.of("years", "12")))));
            assertEquals("document-unknown", code(() -> documents.roster(f.reviewerA, new ApplicationDocuments
                    .RosterRequest(WorkflowFixture.PRINTED, "review-form", Reviews.Queue.PENDING,
                            Reviews.Filter.all(), Map.of()))));
            assertEquals("business-unknown", code(() -> documents.roster(f.reviewerA, new ApplicationDocuments
                    .RosterRequest("no-such", "roster", Reviews.Queue.PENDING, Reviews.Filter.all(), Map.of()))));
        }
    }

    /** The roster as {@code reviewer} exports it, read back with POI: the header, then one list per row. */
    private static List<List<String>> roster(ApplicationDocuments documents, org.zhicheng.api.identity.Caller reviewer,
            Reviews.Queue queue, Map<String, String> filters) throws IOException {
        ApplicationDocuments.RosterExport export = documents.roster(reviewer, new ApplicationDocuments.RosterRequest(
                WorkflowFixture.PRINTED, "roster", queue, Reviews.Filter.all(), filters));
        assertEquals("花名册.xlsx", export.fileName());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long written = export.writeTo(out);
        List<List<String>> rows = new java.util.ArrayList<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
                List<String> cells = new java.util.ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    cells.add(format.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        }
        assertEquals(written, rows.size() - 1, "the count it reports is the rows written");
        return rows;
    }

    private static ApplicationDocuments documents(WorkflowFixture f) {
        return new DatabaseApplicationDocuments(f.db.dataSource(), f.applications, f.reviews, f.registry.registry(),
                new PdfPrinting(), new FastExcelRosters(), null,
                new DatabaseContactDirectory(f.db.dataSource(), NotifierChannelsTest.CIPHER), f.clock);
    }

    /** Li Na's application, submitted: three study rows, the first and third flagged for the public notice. */
    private static Application submitted(WorkflowFixture f) {
        Application draft = f.applications.create(f.applicant, WorkflowFixture.PRINTED, null);
        Map<String, Object> answers = new HashMap<>();
        answers.put("name", "李娜");
        answers.put("sex", "m");
        answers.put("specialty", "clinical");
        answers.put("years", 12);
        answers.put("partyMember", true);
        answers.put("unit", f.hospitalA);
        answers.put("study", List.of(
                Map.of("studyFrom", "2001-09", "school", "重庆医科大学", "onNotice", true),
                Map.of("studyFrom", "2005-09", "school", "已删除的进修学校", "onNotice", true),
                Map.of("studyFrom", "2006-09", "school", "四川大学华西医学中心", "onNotice", false)));
        Application saved = f.applications.save(f.applicant, draft.id(), draft.version(), answers, null);
        return f.applications.submit(f.applicant, saved.id(), saved.version(), null);
    }

    private static String text(ApplicationDocuments.Pdf pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.content())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    private static String code(Runnable call) {
        return assertThrows(RefusedException.class, call::run).code();
    }
}
