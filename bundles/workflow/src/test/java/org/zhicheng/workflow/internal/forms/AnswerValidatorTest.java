package org.zhicheng.workflow.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhicheng.workflow.internal.forms.Fixtures.bind;
import static org.zhicheng.workflow.internal.forms.Fixtures.descriptor;
import static org.zhicheng.workflow.internal.forms.Fixtures.map;
import static org.zhicheng.workflow.internal.forms.Fixtures.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.FormAnswers;
import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Form;

/** The answer checks against the province fixtures (CQ-APP-3, FJ-2, GD-PHOTO-1, GD-TITLE-4) and small forms. */
class AnswerValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2019, 7, 15);
    static final List<OrganisationRef> PATH = List.of(org("hospital", "district-hospital", 2),
            org("district", "district-health-commission", 1), org("city", "city-commission", 0));

    static final AnswerValidator CQ = new AnswerValidator(descriptor("cq-health-senior"));
    static final AnswerValidator FJ = new AnswerValidator(descriptor("fj-exam-prereg"));
    static final AnswerValidator GD_PHOTO = new AnswerValidator(descriptor("gd-health-photo"));
    static final AnswerValidator GD_TITLE = new AnswerValidator(descriptor("gd-title-review"));

    static List<FieldProblem> submit(AnswerValidator validator, Map<String, ?> answers) {
        return validator.validate(answers, PATH, TODAY, true);
    }

    static List<FieldProblem> draft(AnswerValidator validator, Map<String, ?> answers) {
        return validator.validate(answers, PATH, TODAY, false);
    }

    /** The problems as "path code" lines, for exact comparisons. */
    static List<String> brief(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.path() + " " + p.code()).toList();
    }

    static String only(List<FieldProblem> problems) {
        assertEquals(1, problems.size(), () -> "expected one problem: " + brief(problems));
        return problems.get(0).path() + " " + problems.get(0).code();
    }

    /** A complete, valid Chongqing deputy-senior application (CQ-APP-3); each call a fresh, mutable copy. */
    static Map<String, Object> cq() {
        Map<String, Object> a = map(
                "currentTitle", "attending-physician", "declaredTitle", "deputy-chief-physician",
                "declaredLevel", "deputySenior", "specialtyDirection", "心血管内科", "declarationType", "normal",
                "formCategory", "clinical", "committee", "cq-health-senior",
                "name", "李娜", "formerName", "无", "sex", "2", "birthDate", "1980-01-01",
                "idNumber", "500103198001011238", "workStartDate", "2003-07-01", "applicantIdentity", "institutional",
                "ethicsSatisfaction", 98, "ruralSupportYears", 1, "currentTitleDate", "2012-10",
                "professionalWork", "临床", "adminPost", "无", "academicRoles", "无", "continuingEducation", "pass",
                "frontLine", false, "hubeiSupport", false,
                "examMode", "exam", "examDate", "2018-05-20", "examSpecialty", "内科", "examScoreValue", 71.5,
                "noticeStart", "2019-06-01", "noticeEnd", "2019-06-07", "misconduct", new ArrayList<>(List.of()),
                "otherSituation", "无", "misconductExplanation", "无");
        List<Object> appraisals = new ArrayList<>();
        for (int year = 2014; year <= 2018; year++) {
            appraisals.add(map("appraisalYear", year, "appraisalResult", "competent"));
        }
        a.put("annualAppraisals", appraisals);
        a.put("study", new ArrayList<>(List.of(map("studyStart", "2015-03", "studyEnd", "2015-09",
                "studyContent", "进修", "studyPlace", "重庆医科大学附属第一医院"))));
        a.put("work", new ArrayList<>(List.of(
                map("workStart", "2003-07", "workEnd", "2012-09", "workUnit", "渝中区人民医院", "workField", "内科",
                        "workTitleLevel", "junior"),
                map("workStart", "2012-10", "workUnit", "渝中区人民医院", "workField", "内科",
                        "workTitleLevel", "intermediate"))));
        a.put("achievements", new ArrayList<>(List.of(
                achievement("research", "national", "award"),
                achievement("research", "provincial", "started"),
                achievement("other", null, null))));
        return a;
    }

    static Map<String, Object> achievement(String kind, String level, String stage) {
        Map<String, Object> row = map("achStart", "2016-01", "achKind", kind, "achName", "项目", "achContent", "内容",
                "achResult", "结果");
        if (level != null) {
            row.put("researchLevel", level);
            row.put("researchStage", stage);
        }
        return row;
    }

    static Map<String, Object> studyRow(String start, String end) {
        return map("studyStart", start, "studyEnd", end, "studyContent", "进修", "studyPlace", "医院");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Map<String, Object> answers, String section) {
        return (List<Map<String, Object>>) answers.get(section);
    }

    @Nested
    class Chongqing {

        @Test
        void aCompleteApplicationHasNoProblem() {
            assertEquals(List.of(), brief(submit(CQ, cq())));
            assertEquals(List.of(), brief(draft(CQ, cq())));
        }

        @Test
        void eachStudyRowLastsAtLeastThreeMonthsReportedAgainstItsOneBasedRow() {
            Map<String, Object> a = cq();
            rows(a, "study").add(studyRow("2016-01", "2016-03"));
            List<FieldProblem> problems = submit(CQ, a);
            assertEquals("study[2].studyEnd study-at-least-3-months", only(problems));
            assertEquals("只填写连续3个月及以上的学习培训或进修。", problems.get(0).zh());
            assertEquals("Only list study or training of 3 months or more.", problems.get(0).en());
            // Both answers are there, so a draft reports it too.
            assertEquals("study[2].studyEnd study-at-least-3-months", only(draft(CQ, a)));
        }

        @Test
        void exactlyThreeMonthsIsEnough() {
            Map<String, Object> a = cq();
            rows(a, "study").add(studyRow("2016-11", "2017-02"));
            assertEquals(List.of(), brief(submit(CQ, a)));
        }

        @Test
        void aDraftStudyRowWithoutItsEndIsNotYetWrong() {
            Map<String, Object> a = cq();
            rows(a, "study").add(map("studyStart", "2016-11"));
            assertEquals(List.of(), brief(draft(CQ, a)));
            assertEquals(List.of("study[2].studyEnd required", "study[2].studyContent required",
                    "study[2].studyPlace required"), brief(submit(CQ, a)));
        }

        @Test
        void atMostEightStudyRowsNotCountingRowsMarkedDeleted() {
            Map<String, Object> a = cq();
            for (int i = 0; i < 7; i++) {
                rows(a, "study").add(studyRow("2016-01", "2016-06"));
            }
            assertEquals(List.of(), brief(submit(CQ, a)));
            rows(a, "study").add(studyRow("2017-01", "2017-06"));
            assertEquals("study too-many-rows", only(draft(CQ, a)));
            assertEquals("study too-many-rows", only(submit(CQ, a)));
            rows(a, "study").get(3).put(Rows.DELETED, true);
            assertEquals(List.of(), brief(submit(CQ, a)));
        }

        @Test
        void rowsMarkedDeletedAreNotCheckedButKeepTheirNumbers() {
            Map<String, Object> a = cq();
            rows(a, "study").add(0, map("studyStart", "2016-01", "studyEnd", "2016-02", Rows.DELETED, true));
            rows(a, "study").add(studyRow("2016-01", "bad"));
            assertEquals(List.of("study[3].studyEnd invalid-month"), brief(submit(CQ, a)));
        }

        @Test
        void exactlyFiveAnnualAppraisalsAtSubmissionOnly() {
            Map<String, Object> a = cq();
            rows(a, "annualAppraisals").remove(4);
            assertEquals("annualAppraisals too-few-rows", only(submit(CQ, a)));
            assertEquals(List.of(), brief(draft(CQ, a)));
            rows(a, "annualAppraisals").add(map("appraisalYear", 2018));
            rows(a, "annualAppraisals").add(map("appraisalYear", 2019));
            assertEquals(List.of("annualAppraisals too-many-rows"), brief(draft(CQ, a)));
        }

        @Test
        void anEmptyDraftIsFineButNotASubmission() {
            assertEquals(List.of(), brief(draft(CQ, Map.of())));
            List<String> problems = brief(submit(CQ, Map.of()));
            assertTrue(problems.contains("name required"), problems::toString);
            assertTrue(problems.contains("idNumber required"), problems::toString);
            assertTrue(problems.contains("annualAppraisals too-few-rows"), problems::toString);
            assertTrue(problems.contains("work too-few-rows"), problems::toString);
            // Hidden while declaredLevel is unanswered.
            assertFalse(problems.contains("examMode required"), problems::toString);
            assertFalse(problems.contains("archiveCheckText required"), problems::toString);
        }

        @Test
        void requiredMessagesNameTheFieldInBothLanguages() {
            Map<String, Object> a = cq();
            a.remove("name");
            FieldProblem problem = submit(CQ, a).get(0);
            assertEquals(new FieldProblem("name", "required", "“姓名”为必填项。", "\"Name\" is required."), problem);
        }

        @Test
        void workMustShowJuniorAndIntermediateTitlesForDeputySenior() {
            Map<String, Object> a = cq();
            rows(a, "work").remove(0);
            List<FieldProblem> problems = submit(CQ, a);
            assertEquals(" work-shows-progression", only(problems));
            // Counting rows is about completeness: not in a draft.
            assertEquals(List.of(), brief(draft(CQ, a)));
            a.put("declaredLevel", "senior");
            a.put("declaredTitle", "chief-physician");
            assertEquals(" senior-shows-deputy-senior", only(submit(CQ, a)));
        }

        @Test
        void noticePeriodMustBeOrdered() {
            Map<String, Object> a = cq();
            a.put("noticeEnd", "2019-05-31");
            assertEquals("noticeEnd notice-period-ordered", only(submit(CQ, a)));
            assertEquals("noticeEnd notice-period-ordered", only(draft(CQ, a)));
            a.remove("noticeEnd");
            assertEquals(List.of(), brief(draft(CQ, a)));
            assertEquals("noticeEnd required", only(submit(CQ, a)));
        }

        @Test
        void examScoreOnlyForDeputySeniorAndOnlyWhenExamined() {
            Map<String, Object> a = cq();
            a.remove("examScoreValue");
            assertEquals("examScoreValue required", only(submit(CQ, a)));
            a.put("examMode", "grassrootsAgeExempt");
            assertEquals(List.of(), brief(submit(CQ, a)));
            a.put("examScoreValue", 101);
            // Hidden answers are not checked (and pruned).
            assertEquals(List.of(), brief(submit(CQ, a)));
            assertFalse(CQ.prune(a, PATH, TODAY).containsKey("examScoreValue"));
            a.put("examMode", "exam");
            assertEquals("examScoreValue too-large", only(submit(CQ, a)));
        }

        @Test
        void theFrontLineExemptionNeedsAFrontLineWorker() {
            Map<String, Object> a = cq();
            a.put("examMode", "frontLineExempt");
            assertEquals("examMode front-line-exemption-needs-front-line", only(submit(CQ, a)));
            a.put("frontLine", true);
            assertEquals(List.of(), brief(submit(CQ, a)));
            // A senior applicant has no exam section: the rule's field is hidden and so is its answer.
            a.put("frontLine", false);
            a.put("declaredLevel", "senior");
            a.put("declaredTitle", "chief-physician");
            rows(a, "work").get(1).put("workTitleLevel", "deputySenior");
            assertEquals(List.of(), brief(submit(CQ, a)));
        }

        @Test
        void hubeiSupportPeriodIsShownAndRequiredOnlyForHubeiSupport() {
            Map<String, Object> a = cq();
            a.put("hubeiSupportPeriod", "2020-02 至 2020-04");
            assertEquals(List.of(), brief(submit(CQ, a)));
            assertFalse(CQ.prune(a, PATH, TODAY).containsKey("hubeiSupportPeriod"));
            a.put("hubeiSupport", true);
            assertEquals("2020-02 至 2020-04", CQ.prune(a, PATH, TODAY).get("hubeiSupportPeriod"));
            a.remove("hubeiSupportPeriod");
            assertEquals("hubeiSupportPeriod required", only(submit(CQ, a)));
        }

        @Test
        void otherStaffNeedAnArchiveCheck() {
            Map<String, Object> a = cq();
            a.put("applicantIdentity", "other");
            assertEquals("archiveCheckText required", only(submit(CQ, a)));
            a.put("archiveCheckText", "x".repeat(2001));
            assertEquals("archiveCheckText too-long", only(submit(CQ, a)));
        }

        @Test
        void grassrootsGpsListCaseAnalysesInsteadOfPapers() {
            Map<String, Object> a = cq();
            a.put("papers", List.of(map("paperTitle", "论文", "paperRank", "first")));
            assertEquals(List.of("papers[1].paperDate required", "papers[1].paperVenue required",
                    "papers[1].paperRank not-a-number"), brief(submit(CQ, a)));
            a.put("formCategory", "grassrootsGP");
            a.put("committee", "cq-health-grassroots-gp");
            assertEquals(List.of(), brief(submit(CQ, a)));
            assertFalse(CQ.prune(a, PATH, TODAY).containsKey("papers"));
        }

        @Test
        void researchIsOrderedNationalFirstAndAwardBeforeStartedAtSubmission() {
            Map<String, Object> a = cq();
            rows(a, "achievements").add(0, achievement("research", "provincial", "award"));
            List<FieldProblem> problems = submit(CQ, a);
            assertEquals("achievements[2] row-order", only(problems));
            assertTrue(problems.get(0).zh().startsWith("请先填写科研项目"), problems.get(0).zh());
            // The applicant may reorder until submission.
            assertEquals(List.of(), brief(draft(CQ, a)));
        }

        @Test
        void withinALevelTheStageOrders() {
            Map<String, Object> a = cq();
            a.put("achievements", List.of(achievement("research", "national", "started"),
                    achievement("research", "national", "result")));
            assertEquals("achievements[2] row-order", only(submit(CQ, a)));
        }

        @Test
        void otherAchievementsComeAfterResearchAndDeletedRowsDoNotCount() {
            Map<String, Object> a = cq();
            Map<String, Object> early = achievement("other", null, null);
            rows(a, "achievements").add(0, early);
            assertEquals("achievements[2] row-order", only(submit(CQ, a)));
            early.put(Rows.DELETED, true);
            assertEquals(List.of(), brief(submit(CQ, a)));
        }

        @Test
        void researchLevelIsHiddenInRowsOfOtherAchievements() {
            Map<String, Object> a = cq();
            rows(a, "achievements").get(2).put("researchLevel", "national");
            assertEquals(List.of(), brief(submit(CQ, a)));
            assertEquals(List.of("achStart", "achKind", "achName", "achContent", "achResult"),
                    List.copyOf(rows(CQ.prune(a, PATH, TODAY), "achievements").get(2).keySet()));
            rows(a, "achievements").get(1).remove("researchStage");
            assertEquals("achievements[2].researchStage required", only(submit(CQ, a)));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "ethicsSatisfaction | 101        | ethicsSatisfaction too-large",
            "ethicsSatisfaction | -1         | ethicsSatisfaction too-small",
            "ethicsSatisfaction | 99.5       | ethicsSatisfaction not-an-integer",
            "ethicsSatisfaction | abc        | ethicsSatisfaction not-a-number",
            "birthDate          | 2019-02-29 | birthDate invalid-date",
            "birthDate          | 1980-1-1   | birthDate invalid-date",
            "currentTitleDate   | 2012-13    | currentTitleDate invalid-month",
            "currentTitleDate   | 2012-10-01 | currentTitleDate invalid-month",
            "frontLine          | yes        | frontLine not-a-boolean",
            "sex                | 3          | sex unknown-code",
            "declaredTitle      | professor  | declaredTitle unknown-code",
        })
        void typesAndFormatsAreCheckedInDraftsToo(String field, String value, String expected) {
            Map<String, Object> a = cq();
            a.put(field, value);
            assertEquals(expected, only(draft(CQ, a)));
            assertEquals(expected, only(submit(CQ, a)));
        }

        @Test
        void numbersMayArriveAsDecimalText() {
            Map<String, Object> a = cq();
            a.put("ethicsSatisfaction", "95");
            a.put("ruralSupportYears", 2.0);
            a.put("examScoreValue", "88.5");
            assertEquals(List.of(), brief(submit(CQ, a)));
        }

        @Test
        void textMustBeAString() {
            Map<String, Object> a = cq();
            a.put("specialtyDirection", 42);
            assertEquals("specialtyDirection not-text", only(submit(CQ, a)));
            a.put("specialtyDirection", "内".repeat(51));
            FieldProblem tooLong = submit(CQ, a).get(0);
            assertEquals("too-long", tooLong.code());
            assertTrue(tooLong.en().contains("at most 50 characters; it has 51"), tooLong.en());
        }

        @Test
        void misconductIsAListOfKnownCodes() {
            Map<String, Object> a = cq();
            a.put("misconduct", List.of("plagiarism", "fabricatedResults"));
            assertEquals(List.of(), brief(submit(CQ, a)));
            a.put("misconduct", List.of("plagiarism", "jaywalking"));
            assertEquals("misconduct unknown-code", only(submit(CQ, a)));
            a.put("misconduct", "plagiarism");
            assertEquals("misconduct not-a-list", only(submit(CQ, a)));
            a.put("misconduct", List.of(1));
            assertEquals("misconduct invalid-code", only(submit(CQ, a)));
        }

        @Test
        void unknownKeysAreRefusedAtTheTopAndInRows() {
            Map<String, Object> a = cq();
            a.put("salary", 1000);
            a.put("basic", "a single section is no answer key");
            rows(a, "study").get(0).put("grade", "A");
            assertEquals(List.of("study[1].grade unknown-field", "salary unknown-field", "basic unknown-field"),
                    brief(draft(CQ, a)));
        }

        @Test
        void rowsMustBeAListOfObjectsWithValidMarkers() {
            Map<String, Object> a = cq();
            a.put("study", "none");
            assertEquals("study not-rows", only(draft(CQ, a)));
            a.put("study", List.of("row"));
            assertEquals("study[1] not-a-row", only(draft(CQ, a)));
            a.put("study", List.of(map(Rows.DELETED, "yes", Rows.ID, "")));
            assertEquals(List.of("study[1]._deleted invalid-row-marker", "study[1]._id invalid-row-marker"),
                    brief(draft(CQ, a)));
            a.put("study", List.of(map(Rows.DELETED, false, Rows.ID, "r-1", "studyStart", "2016-01",
                    "studyEnd", "2016-06", "studyContent", "x", "studyPlace", "y")));
            assertEquals(List.of(), brief(submit(CQ, a)));
        }

        @Test
        void formAnswersAreValidatedLikeTheirMap() {
            FormAnswers answers = new FormAnswers("cq-health-senior", "1.0.0", map("name", "李娜", "sex", "9"));
            assertEquals(List.of("sex unknown-code"), brief(CQ.validate(answers, PATH, TODAY, false)));
        }
    }

    @Nested
    class ResidentIdNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"500103198001011238", "44010619900307001X", "44010619900307001x",
            "４４０１０６１９９００３０７００１ｘ", " 500103 19800101 1238 "})
        void validNumbersAsPeopleTypeThem(String number) {
            Map<String, Object> a = cq();
            a.put("idNumber", number);
            assertEquals(List.of(), brief(submit(CQ, a)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"500103198001011239", "50010319800101123", "5001031980010112381",
            "500103198002301236", "500103203001011231", "990103198001011232", "50010319800101123Y"})
        void invalidNumbers(String number) {
            Map<String, Object> a = cq();
            a.put("idNumber", number);
            assertEquals("idNumber invalid-id-number", only(draft(CQ, a)));
        }
    }

    @Nested
    class Fujian {

        static Map<String, Object> fj() {
            return map("name", "王芳", "sex", "2", "idType", "resident-id", "idNumber", "350102198506150028",
                    "birthDate", "1985-06-15", "ethnicity", "01", "unit", "org-4711", "postcode", "350001",
                    "mobile", "13800138000", "address", "福州市鼓楼区", "photo", "upload-1",
                    "education", new ArrayList<>(List.of(map("eduLevel", "bachelor", "eduObtained", "2008-07",
                            "eduSchool", "福建医科大学", "eduMode", "full-time", "eduMajor", "临床医学"))),
                    "chsiCode", "123456789012",
                    "declaredLevel", "intermediate", "qualification", "attending-physician",
                    "practiceCategory", "attending-physician.clinical",
                    "practiceScope", "attending-physician.clinical.internal", "specialty", "303");
        }

        @Test
        void aCompleteRegistrationHasNoProblem() {
            assertEquals(List.of(), brief(submit(FJ, fj())));
        }

        @Test
        void eachCascadeLevelMustBelongToTheLevelAbove() {
            Map<String, Object> a = fj();
            a.put("qualification", "deputy-chief-physician");
            List<String> problems = brief(submit(FJ, a));
            // The qualification does not belong to the level; the category does not belong to the qualification.
            assertEquals(List.of("qualification cascade-mismatch", "practiceCategory cascade-mismatch"), problems);
            a = fj();
            a.put("specialty", "317");
            List<FieldProblem> specialty = submit(FJ, a);
            assertEquals("specialty cascade-mismatch", only(specialty));
            assertTrue(specialty.get(0).en().contains("\"317\" does not belong to the chosen \"Practice scope\""),
                    specialty.get(0).en());
        }

        @Test
        void aCascadeWithoutItsParentAnswerIsNotJudged() {
            Map<String, Object> a = fj();
            a.remove("practiceCategory");
            a.remove("practiceScope");
            assertEquals(List.of(), brief(submit(FJ, a)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"123456789012", "无"})
        void chsiCodeIsTwelveDigitsOrNone(String code) {
            Map<String, Object> a = fj();
            a.put("chsiCode", code);
            assertEquals(List.of(), brief(submit(FJ, a)));
        }

        @Test
        void aWrongChsiCodeShowsTheDescriptorsMessage() {
            Map<String, Object> a = fj();
            a.put("chsiCode", "12345");
            List<FieldProblem> problems = draft(FJ, a);
            assertEquals("chsiCode pattern", only(problems));
            BusinessDescriptor fj = descriptor("fj-exam-prereg");
            assertEquals(fj.field("chsiCode").orElseThrow().patternMessage().zh(), problems.get(0).zh());
        }

        @Test
        void postcodesHaveSixDigits() {
            Map<String, Object> a = fj();
            a.put("postcode", "35000");
            assertEquals(new FieldProblem("postcode", "pattern", "邮编为6位数字。", "A postcode has 6 digits."),
                    draft(FJ, a).get(0));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "13800138000      | true", "138-0013-8000    | true", "138 0013 8000  | true",
            "１３８００１３８０００ | true", "23800138000      | false", "1380013800       | false",
            "+8613800138000   | false",
        })
        void mobileNumbers(String mobile, boolean valid) {
            Map<String, Object> a = fj();
            a.put("mobile", mobile);
            assertEquals(valid ? List.of() : List.of("mobile invalid-mobile"), brief(draft(FJ, a)));
        }

        @Test
        void theUnitComesFromTheExternalOrganisationTreeSoAnyCodeIsAccepted() {
            Map<String, Object> a = fj();
            a.put("unit", "any-organisation-id");
            assertEquals(List.of(), brief(submit(FJ, a)));
            a.put("unit", 4711);
            assertEquals("unit invalid-code", only(submit(FJ, a)));
        }

        @Test
        void aPracticeChangeNeedsAPracticeCategoryAtSubmission() {
            Map<String, Object> a = fj();
            a.put("practiceChange", "2018年变更执业范围");
            a.remove("practiceCategory");
            a.remove("practiceScope");
            assertEquals("practiceChange practice-change-needs-category", only(submit(FJ, a)));
            assertEquals(List.of(), brief(draft(FJ, a)));
        }

        @Test
        void appointmentsEndAfterTheyStart() {
            Map<String, Object> a = fj();
            a.put("appointments", List.of(map("apptUnit", "医院", "apptPost", "医师", "apptQualification", "医师",
                    "apptStart", "2015-01", "apptEnd", "2014-12")));
            assertEquals("appointments[1].apptEnd appointment-period-ordered", only(submit(FJ, a)));
        }

        @Test
        void atLeastOneEducationRow() {
            Map<String, Object> a = fj();
            a.put("education", List.of());
            assertEquals("education too-few-rows", only(submit(FJ, a)));
            assertEquals(List.of(), brief(draft(FJ, a)));
        }

        @Test
        void yearsHeldIsShownOnlyWithADateAndNeverChecked() {
            Map<String, Object> a = fj();
            a.put("yearsHeld", "P2Y3M");
            assertFalse(FJ.prune(a, PATH, TODAY).containsKey("yearsHeld"));
            a.put("currentQualification", "physician");
            a.put("currentQualificationDate", "2017-04");
            a.put("yearsHeld", 12);
            assertEquals(List.of(), brief(submit(FJ, a)));
            assertEquals(12, FJ.prune(a, PATH, TODAY).get("yearsHeld"));
        }
    }

    @Nested
    class Guangdong {

        @Test
        void thePhotoIsRequiredAtSubmissionAndIsAnUploadReference() {
            assertEquals("photo required", only(submit(GD_PHOTO, Map.of())));
            assertEquals(List.of(), brief(draft(GD_PHOTO, Map.of())));
            assertEquals(List.of(), brief(submit(GD_PHOTO, map("photo", "upload-7f3a"))));
            assertEquals(List.of(), brief(submit(GD_PHOTO, map("photo", List.of("upload-1", "upload-2")))));
            assertEquals("photo invalid-file", only(draft(GD_PHOTO, map("photo", 7))));
            assertEquals("photo invalid-file", only(draft(GD_PHOTO, map("photo", map("id", "x")))));
        }

        @Test
        void emailAddresses() {
            assertEquals(List.of(), brief(draft(GD_TITLE, map("email", "li.na@example.cn"))));
            assertEquals(List.of(), brief(draft(GD_TITLE, map("email", "li.na＠example.cn"))));
            assertEquals("email invalid-email", only(draft(GD_TITLE, map("email", "li.na@"))));
            assertEquals("email invalid-email", only(draft(GD_TITLE, map("email", "a b@example.cn"))));
        }

        @Test
        void regionsAndOrganisationsAreNonBlankCodes() {
            assertEquals(List.of(), brief(draft(GD_TITLE, map("householdRegion", "440106", "personnelUnit", "u-1"))));
            assertEquals(List.of("householdRegion invalid-code"), brief(draft(GD_TITLE, map("householdRegion",
                    List.of("440106")))));
            // Blank is unanswered, which a draft allows.
            assertEquals(List.of(), brief(draft(GD_TITLE, map("personnelUnit", " "))));
        }

        @Test
        void theCurrentTitleCannotBeDatedAfterToday() {
            assertEquals("currentTitleDate title-before-today",
                    only(draft(GD_TITLE, map("currentTitle", "工程师", "currentTitleDate", "2019-09-01"))));
            // Whole months: a date less than a month ahead is still "0 months" before today.
            assertEquals(List.of(),
                    brief(draft(GD_TITLE, map("currentTitle", "工程师", "currentTitleDate", "2019-08-01"))));
            assertEquals(List.of(),
                    brief(draft(GD_TITLE, map("currentTitle", "工程师", "currentTitleDate", "2019-07-15"))));
        }

        @Test
        void aPledgeAnsweredNoIsReportedEvenInADraft() {
            assertEquals("pledge pledge-accepted", only(draft(GD_TITLE, map("pledge", false))));
            assertEquals(List.of(), brief(draft(GD_TITLE, map("pledge", true))));
        }

        @Test
        void workRowsWithAnEndMustEndAfterTheyStart() {
            assertEquals("workHistory[2].workEnd work-dates-ordered", only(draft(GD_TITLE, map("workHistory", List.of(
                    map("workStart", "2000-01-01"),
                    map("workStart", "2005-01-01", "workEnd", "2004-12-31"))))));
        }

        @Test
        void theDeclaredTitleBelongsToTheDeclaredSeries() {
            assertEquals(List.of(), brief(draft(GD_TITLE, map("declaredSeries", "health",
                    "declaredTitle", "attending-physician"))));
            assertEquals("declaredTitle cascade-mismatch", only(draft(GD_TITLE, map("declaredSeries", "economics",
                    "declaredTitle", "attending-physician"))));
        }
    }

    @Nested
    class Pruning {

        @Test
        void dropsUnknownKeysNullsAndHiddenAnswersAndKeepsDeletedRows() {
            Map<String, Object> a = cq();
            a.put("salary", 1);
            a.put("formerName", null);
            a.put("archiveCheckText", "查档记录");
            rows(a, "study").get(0).put("grade", "A");
            rows(a, "study").get(0).put(Rows.DELETED, true);
            rows(a, "study").get(0).put(Rows.ID, "row-1");
            Map<String, Object> kept = CQ.prune(a, PATH, TODAY);
            assertFalse(kept.containsKey("salary"));
            assertFalse(kept.containsKey("formerName"));
            assertFalse(kept.containsKey("archiveCheckText"));
            assertEquals(map("studyStart", "2015-03", "studyEnd", "2015-09", "studyContent", "进修",
                    "studyPlace", "重庆医科大学附属第一医院", Rows.DELETED, true, Rows.ID, "row-1"),
                    rows(kept, "study").get(0));
            assertEquals("李娜", kept.get("name"));
            assertEquals(5, rows(kept, "annualAppraisals").size());
        }

        @Test
        void malformedRowsAreDropped() {
            assertEquals(Map.of(), CQ.prune(map("study", "none", "work", List.of("x")), PATH, TODAY));
        }

        @Test
        void pruningKeepsTheBusinessAndVersion() {
            FormAnswers pruned = CQ.prune(new FormAnswers("cq-health-senior", "1.0.0", map("name", "李娜", "x", 1)),
                    PATH, TODAY);
            assertEquals(new FormAnswers("cq-health-senior", "1.0.0", map("name", "李娜")), pruned);
        }

        @Test
        void aPrunedCompleteApplicationIsUnchanged() {
            Map<String, Object> a = cq();
            assertEquals(a, CQ.prune(a, PATH, TODAY));
        }

        @Test
        void visibilityFollowsChainsOfHiddenFields() {
            // c shows b, b shows a: with c unset, b is hidden, so a is hidden although b's stale answer shows it.
            AnswerValidator chain = new AnswerValidator(withForm("""
                    {"sections": [{"id": "s", "fields": [
                      {"id": "a", "type": "text", "required": true, "visibleWhen": {"field": "b", "equals": "show"}},
                      {"id": "b", "type": "text", "visibleWhen": {"field": "c", "equals": true}},
                      {"id": "c", "type": "boolean"}]}]}
                    """));
            Map<String, Object> stale = map("a", "x", "b", "show", "c", false);
            assertEquals(map("c", false), chain.prune(stale, PATH, TODAY));
            assertEquals(List.of(), brief(chain.validate(map("b", "show", "c", false), PATH, TODAY, true)));
            assertEquals(List.of("a required"), brief(chain.validate(map("b", "show", "c", true), PATH, TODAY, true)));
        }

        @Test
        void visibilityMayDependOnTheOrganisation() {
            AnswerValidator byOrg = new AnswerValidator(withForm("""
                    {"sections": [{"id": "s", "visibleWhen": {"ancestor": "type", "equals": "district-health-commission"},
                      "fields": [{"id": "districtNote", "type": "text", "required": true}]}]}
                    """));
            assertEquals(List.of("districtNote required"), brief(byOrg.validate(Map.of(), PATH, TODAY, true)));
            List<OrganisationRef> elsewhere = List.of(org("u", "clinic", 1), org("root", "city-commission", 0));
            assertEquals(List.of(), brief(byOrg.validate(Map.of(), elsewhere, TODAY, true)));
            assertEquals(Map.of(), byOrg.prune(map("districtNote", "x"), elsewhere, TODAY));
        }
    }

    @Nested
    class Limits {
        static final AnswerValidator SMALL = new AnswerValidator(withForm("""
                {"sections": [{"id": "s", "fields": [
                  {"id": "code", "type": "text", "minLength": 2, "maxLength": 4, "pattern": "[A-Z]+"},
                  {"id": "tags", "type": "multiChoice", "maxSelections": 2,
                   "options": [{"code": "a"}, {"code": "b"}, {"code": "c"}]},
                  {"id": "count", "type": "integer", "min": 1, "max": 3},
                  {"id": "ratio", "type": "number", "min": 0.5, "max": 1.5}]}]}
                """));

        static List<String> check(Object... pairs) {
            return brief(SMALL.validate(map(pairs), PATH, TODAY, false));
        }

        @Test
        void lengthsCountCharactersNotBytes() {
            assertEquals(List.of("code too-short", "code pattern"), check("code", "a"));
            assertEquals(List.of("code too-long"), check("code", "ABCDE"));
            assertEquals(List.of(), check("code", "AB"));
            assertEquals(List.of("code pattern"), check("code", "中文"));
        }

        @Test
        void aPatternWithoutMessageGetsAGenericOne() {
            FieldProblem problem = SMALL.validate(map("code", "ab"), PATH, TODAY, false).get(0);
            assertEquals(new FieldProblem("code", "pattern", "“code”的格式不正确。",
                    "\"code\" is not in the expected format."), problem);
        }

        @Test
        void maxSelectionsCountsDistinctCodes() {
            assertEquals(List.of(), check("tags", List.of("a", "b", "a")));
            assertEquals(List.of("tags too-many-selections"), check("tags", List.of("a", "b", "c")));
        }

        @Test
        void limitsAreInclusive() {
            assertEquals(List.of(), check("count", 1, "ratio", 1.5));
            assertEquals(List.of("count too-large", "ratio too-small"), check("count", 4, "ratio", 0.49));
            assertEquals(List.of("count not-an-integer"), check("count", 2.5));
        }

        @Test
        void problemMessagesAreBilingualWithStableCodes() {
            List<FieldProblem> problems = SMALL.validate(map("count", 9), PATH, TODAY, false);
            assertEquals(List.of(new FieldProblem("count", "too-large", "“count”不能大于3。",
                    "\"count\" must be at most 3.")), problems);
            assertTrue(problems.stream().map(FieldProblem::code).collect(Collectors.toSet())
                    .contains(ProblemCodes.TOO_LARGE));
        }
    }

    /** A minimal descriptor around a form, for behaviours no fixture shows. */
    static BusinessDescriptor withForm(String formJson) {
        BusinessDescriptor base = descriptor("gd-health-photo");
        return new BusinessDescriptor(base.formatVersion(), base.id(), base.version(), base.province(), base.name(),
                base.description(), base.season(), bind(formJson, Form.class), base.uploads(), base.review(),
                base.documents(), base.certificate(), base.dictionaries(), base.options());
    }
}
