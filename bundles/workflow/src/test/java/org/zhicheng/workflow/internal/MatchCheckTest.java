package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Reviews.Evidence;
import org.zhicheng.api.workflow.Reviews.MatchCheck;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * FJ-5: reviewers mark every piece of image evidence as matching the original or not before they approve; a
 * mismatch is returned; after a resubmission only evidence whose files or answers changed is checked again.
 */
class MatchCheckTest {

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void approvalWaitsForEveryVerdictAndOnlyChangedEvidenceIsCheckedAgain(TestDatabases.Factory factory)
            throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application draft = f.applications.create(f.applicant, WorkflowFixture.CHECKED, null);
            Application saved = f.applications.save(f.applicant, draft.id(), draft.version(),
                    answers("重庆医科大学"), null);
            file(f, draft.id(), "idCard", null, "front");
            file(f, draft.id(), "idCard", null, "back");
            file(f, draft.id(), "diploma", "e1", "diploma");
            Application submitted = f.applications.submit(f.applicant, draft.id(), saved.version(), null);
            String task = submitted.chain().get(0).taskId();

            WorkflowException unchecked = assertThrows(WorkflowException.class,
                    () -> f.reviews.act(f.reviewerA, task, ReviewAction.APPROVE, null, null, null));
            assertEquals("match-check-missing", unchecked.code());
            assertEquals(List.of("files.idCard", "files.diploma[e1]"),
                    unchecked.problems().stream().map(p -> p.path()).toList());

            List<Evidence> evidence = f.reviews.evidence(f.reviewerA, task);
            assertEquals(2, evidence.size());
            assertEquals(2, evidence.get(0).fileIds().size(), "both sides of the ID card");
            assertEquals("李娜", evidence.get(0).fields().get("name"), "the typed answers shown beside the files");
            assertEquals("重庆医科大学", evidence.get(1).fields().get("school"));
            assertNull(evidence.get(0).matches());

            assertEquals("note-required", assertThrows(WorkflowException.class, () -> f.reviews.check(f.reviewerA,
                    task, List.of(new MatchCheck("diploma", "e1", false, " ")), null)).code());
            assertEquals("not-checked-here", assertThrows(WorkflowException.class, () -> f.reviews.check(
                    f.reviewerA, task, List.of(new MatchCheck("diploma", "e9", true, null)), null)).code());
            assertEquals(404, assertThrows(WorkflowException.class, () -> f.reviews.check(f.reviewerB, task,
                    List.of(new MatchCheck("idCard", null, true, null)), null)).status(), "another unit's task");

            f.reviews.check(f.reviewerA, task, List.of(new MatchCheck("idCard", null, true, null),
                    new MatchCheck("diploma", "e1", false, "学校名称与证书不符")), null);
            WorkflowException mismatch = assertThrows(WorkflowException.class,
                    () -> f.reviews.act(f.reviewerA, task, ReviewAction.APPROVE, null, null, null));
            assertEquals("match-check-failed", mismatch.code());
            assertTrue(mismatch.problems().get(0).zh().contains("学校名称与证书不符"));

            // Returns carry a reason code from the business's list besides the text.
            assertEquals("reason-code-required", assertThrows(WorkflowException.class, () -> f.reviews.act(
                    f.reviewerA, task, ReviewAction.RETURN, "学历证书与填写不符", null, null)).code());
            WorkflowException unknown = assertThrows(WorkflowException.class, () -> f.reviews.act(f.reviewerA,
                    task, ReviewAction.RETURN, "学历证书与填写不符", "made-up", null));
            assertEquals("unknown-reason-code", unknown.code());
            assertTrue(unknown.zh().contains("evidence-mismatch（材料与原件不符）"), unknown.zh());
            Application returned = f.reviews.act(f.reviewerA, task, ReviewAction.RETURN, "学历证书与填写不符",
                    "evidence-mismatch", null);
            assertEquals(ApplicationStatus.RETURNED, returned.status());
            assertEquals("evidence-mismatch", f.applications.history(f.applicant, draft.id()).stream()
                    .filter(e -> e.action().equals("return")).findFirst().orElseThrow().reasonCode());
            Application corrected = f.applications.save(f.applicant, draft.id(), returned.version(),
                    answers("重庆医科大学附属第一医院"), null);
            Application again = f.applications.submit(f.applicant, draft.id(), corrected.version(), null);
            String second = again.chain().get(0).taskId();

            List<Evidence> after = f.reviews.evidence(f.secondReviewerA, second);
            assertEquals(Boolean.TRUE, after.get(0).matches(), "the unchanged ID card keeps its verdict");
            assertNull(after.get(1).matches(), "the changed row is to be checked again");
            assertTrue(after.get(1).checkedBefore());
            assertEquals("match-check-missing", assertThrows(WorkflowException.class,
                    () -> f.reviews.act(f.secondReviewerA, second, ReviewAction.APPROVE, null, null, null)).code());

            f.reviews.check(f.secondReviewerA, second, List.of(new MatchCheck("diploma", "e1", true, null)), null);
            f.reviews.check(f.secondReviewerA, second, List.of(new MatchCheck("diploma", "e1", true, null)), null);
            Application approved = f.reviews.act(f.secondReviewerA, second, ReviewAction.APPROVE, null, null, null);
            assertEquals("approved", approved.chain().get(0).status());
            long audited = f.audit.find(AuditQuery.all(0, 1000)).stream()
                    .filter(e -> e.event().action().equals("review.match-check")).count();
            assertEquals(2, audited, "each verdict audited once; repeating one changes nothing");
            assertFalse(f.reviews.evidence(f.districtReviewer, approved.chain().get(1).taskId()).iterator()
                    .hasNext(), "the district step checks nothing");
        }
    }

    private static Map<String, Object> answers(String school) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("name", "李娜");
        answers.put("specialty", "clinical");
        answers.put("education", List.of(Map.of("_id", "e1", "school", school)));
        return answers;
    }

    /** A stored upload, as the media bundle writes it. */
    private static void file(WorkflowFixture f, String applicationId, String slot, String row, String content)
            throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        try (Connection c = f.db.dataSource().getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO blob (sha256, size_bytes, content, created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, sha256);
                s.setLong(2, bytes.length);
                s.setBytes(3, bytes);
                s.setTimestamp(4, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO application_file (id, application_id,"
                    + " slot_id, row_id, file_name, original_name, media_type, size_bytes, sha256, uploaded_by,"
                    + " uploaded_at) VALUES (?, ?, ?, ?, ?, ?, 'image/jpeg', ?, ?, ?, ?)")) {
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, applicationId);
                s.setString(3, slot);
                s.setString(4, row);
                s.setString(5, content + ".jpg");
                s.setString(6, content + ".jpg");
                s.setLong(7, bytes.length);
                s.setString(8, sha256);
                s.setString(9, f.applicant.accountId());
                s.setTimestamp(10, Timestamp.from(f.clock.instant()));
                s.executeUpdate();
            }
        }
    }
}
