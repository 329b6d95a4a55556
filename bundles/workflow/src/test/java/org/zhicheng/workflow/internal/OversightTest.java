package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.Applications;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Oversight;
import org.zhicheng.api.workflow.Oversight.Counts;
import org.zhicheng.api.workflow.Oversight.Entry;
import org.zhicheng.api.workflow.Oversight.Filter;
import org.zhicheng.api.workflow.Oversight.Grouping;
import org.zhicheng.api.workflow.Oversight.Group;
import org.zhicheng.api.workflow.Oversight.Overview;
import org.zhicheng.api.workflow.Oversight.Sort;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * What authorities and observers see (GD-PHOTO-6, CQ-REV-1, FJ-8 track progress, FJ-10): only their subtree, every
 * filter and sort, pages and totals, counts by status with the roster's people not started, and observers who see
 * without review rights.
 */
class OversightTest {

    private static final String TWO_STEP = WorkflowFixture.BUSINESS;
    private static final String GATED = WorkflowFixture.GATED;
    private static final String OBSERVED = OversightWorld.OBSERVED;

    /** Six applications of two-step-review, one of each kind, in this order of creation. */
    private record Six(Application li, Application wang, Application chen, Application bai, Application ai,
            Application du) {
        List<Application> all() {
            return List.of(li, wang, chen, bai, ai, du);
        }
    }

    /**
     * 李娜 (A) in review at the unit; 王强 (A) a draft; Chen_Yi (department) at the next step, its parent hospital A;
     * Bai%Er (B) returned; Ai Wu (department) rejected; Du Liu (B) approved by hospital B and the district.
     */
    private static Six six(OversightWorld w) {
        WorkflowFixture f = w.f;
        Application li = w.submitted(TWO_STEP, f.applicant);
        Application wang = w.draft(TWO_STEP, f.secondApplicant);
        Application chen = w.submitted(TWO_STEP, w.chen);
        chen = w.act(w.departmentReviewer, chen, ReviewAction.APPROVE);
        Application bai = w.submitted(TWO_STEP, w.bai);
        bai = w.act(f.reviewerB, bai, ReviewAction.RETURN);
        Application ai = w.submitted(TWO_STEP, w.ai);
        ai = w.act(w.departmentReviewer, ai, ReviewAction.REJECT);
        Application du = w.submitted(TWO_STEP, w.du);
        du = w.act(f.reviewerB, du, ReviewAction.APPROVE);
        du = w.act(f.districtReviewer, du, ReviewAction.APPROVE);
        return new Six(li, wang, chen, bai, ai, du);
    }

    private static Filter with(String business, Set<ApplicationStatus> statuses, String unit, boolean subUnits,
            String step, Instant from, Instant to, String name, Sort sort, boolean descending) {
        return new Filter(business, null, statuses, unit, subUnits, step, from, to, name, sort, descending);
    }

    private static Filter only(String business) {
        return with(business, Set.of(), null, true, null, null, null, null, Sort.SUBMITTED_AT, false);
    }

    private static List<String> ids(Oversight.Page page) {
        return page.entries().stream().map(Entry::applicationId).toList();
    }

    private static List<String> ids(Application... applications) {
        return List.of(applications).stream().map(Application::id).toList();
    }

    private static Set<String> idSet(Application... applications) {
        return new HashSet<>(ids(applications));
    }

    private static int status(Executable call) {
        return assertThrows(WorkflowException.class, call).status();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void callersSeeTheirSubtreeOnly(TestDatabases.Factory factory) throws Exception {
        try (OversightWorld w = new OversightWorld(factory)) {
            WorkflowFixture f = w.f;
            Six six = six(w);
            Oversight o = w.oversight;

            assertEquals(idSet(six.li(), six.wang(), six.chen(), six.ai()),
                    new HashSet<>(ids(o.search(f.reviewerA, Filter.all(), 0, 50))), "hospital A and its department");
            assertEquals(idSet(six.bai(), six.du()), new HashSet<>(ids(o.search(f.reviewerB, Filter.all(), 0, 50))),
                    "the sibling sees only its own");
            assertEquals(idSet(six.bai(), six.du()), new HashSet<>(ids(o.search(w.viewOnlyB, Filter.all(), 0, 50))),
                    "a view-only authority of hospital B likewise");
            assertEquals(6, o.search(w.viewOnly, Filter.all(), 0, 50).total(), "the district's view-only authority");
            assertEquals(2, o.search(w.departmentReviewer, Filter.all(), 0, 50).total(), "the department only");

            // A unit outside the subtree as filter: 404, as for one that does not exist.
            assertEquals(404, status(() -> o.search(f.reviewerA, with(null, Set.of(), f.hospitalB, true, null, null,
                    null, null, null, false), 0, 50)));
            assertEquals(404, status(() -> o.search(f.reviewerA, with(null, Set.of(), f.district, true, null, null,
                    null, null, null, false), 0, 50)), "an ancestor is outside the subtree too");
            assertEquals(404, status(() -> o.search(f.reviewerA, with(null, Set.of(), "no-such-unit", true, null,
                    null, null, null, null, false), 0, 50)));
            assertEquals(404, status(() -> o.get(f.reviewerA, six.bai().id())));
            assertEquals(six.bai().id(), o.get(f.reviewerB, six.bai().id()).applicationId());
            assertEquals(404, status(() -> o.get(f.reviewerB, "no-such-application")));
            assertEquals(404, status(() -> o.overview(f.reviewerA, TWO_STEP, null, f.hospitalB, Grouping.UNIT)));
            assertEquals(404, status(() -> o.notStarted(f.reviewerA, GATED, null, f.hospitalB, 0, 10)));

            // Applicants oversee nothing, not even their own application.
            assertEquals(0, o.search(f.applicant, Filter.all(), 0, 50).total());
            assertEquals(404, status(() -> o.get(f.applicant, six.li().id())));
            assertEquals(404, status(() -> o.overview(f.applicant, TWO_STEP, null, null, null)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void everyFilterNarrowsTheSearch(TestDatabases.Factory factory) throws Exception {
        try (OversightWorld w = new OversightWorld(factory)) {
            WorkflowFixture f = w.f;
            Six six = six(w);
            Oversight o = w.oversight;
            Caller d = f.districtReviewer;
            w.roster(GATED, f.applicant.accountId());
            Application gated = w.submitted(GATED, f.applicant);

            assertEquals(7, o.search(d, Filter.all(), 0, 50).total());
            assertEquals(6, o.search(d, only(TWO_STEP), 0, 50).total());
            assertEquals(ids(gated), ids(o.search(d, only(GATED), 0, 50)));
            assertEquals(7, o.search(d, new Filter(null, "2026", null, null, true, null, null, null, null, null,
                    false), 0, 50).total());
            assertEquals(0, o.search(d, new Filter(null, "2025", null, null, true, null, null, null, null, null,
                    false), 0, 50).total());

            assertEquals(ids(six.wang()), ids(o.search(d, with(TWO_STEP, Set.of(ApplicationStatus.DRAFT), null, true,
                    null, null, null, null, null, false), 0, 50)));
            assertEquals(ids(six.li(), six.chen(), six.bai()), ids(o.search(d, with(TWO_STEP, Set.of(
                    ApplicationStatus.IN_REVIEW, ApplicationStatus.RETURNED), null, true, null, null, null, null,
                    null, false), 0, 50)));
            assertEquals(ids(six.du()), ids(o.search(d, with(TWO_STEP, Set.of(ApplicationStatus.APPROVED), null,
                    true, null, null, null, null, null, false), 0, 50)));
            assertEquals(ids(six.ai()), ids(o.search(d, with(TWO_STEP, Set.of(ApplicationStatus.REJECTED), null,
                    true, null, null, null, null, null, false), 0, 50)));

            assertEquals(ids(six.li(), six.chen(), six.ai(), six.wang()), ids(o.search(d, with(TWO_STEP, Set.of(),
                    f.hospitalA, true, null, null, null, null, null, false), 0, 50)), "with its department");
            assertEquals(ids(six.li(), six.wang()), ids(o.search(d, with(TWO_STEP, Set.of(), f.hospitalA, false,
                    null, null, null, null, null, false), 0, 50)), "without its department");
            assertEquals(ids(six.chen(), six.ai()), ids(o.search(d, with(TWO_STEP, Set.of(), w.department, false,
                    null, null, null, null, null, false), 0, 50)));

            assertEquals(ids(six.chen()), ids(o.search(d, with(null, Set.of(), null, true, "district-review", null,
                    null, null, null, false), 0, 50)));
            assertEquals(ids(six.li(), gated), ids(o.search(d, with(null, Set.of(), null, true, "unit-review", null,
                    null, null, null, false), 0, 50)));

            Instant from = o.get(d, six.bai().id()).submittedAt();
            assertEquals(ids(six.bai(), six.ai(), six.du()), ids(o.search(d, with(TWO_STEP, Set.of(), null, true,
                    null, from, null, null, null, false), 0, 50)), "from is inclusive");
            assertEquals(ids(six.li(), six.chen()), ids(o.search(d, with(TWO_STEP, Set.of(), null, true, null, null,
                    from, null, null, false), 0, 50)), "to is exclusive; drafts were never submitted");
            assertEquals(400, status(() -> o.search(d, with(null, Set.of(), null, true, null, from,
                    from.minusSeconds(1), null, null, false), 0, 50)), "a period that ends before it starts");

            assertEquals(ids(six.chen()), ids(o.search(d, with(null, Set.of(), null, true, null, null, null, "_",
                    null, false), 0, 50)), "_ is a plain character");
            assertEquals(ids(six.bai()), ids(o.search(d, with(null, Set.of(), null, true, null, null, null, "%", null,
                    false), 0, 50)), "% is a plain character");
            assertEquals(ids(six.du()), ids(o.search(d, with(null, Set.of(), null, true, null, null, null, " Liu ",
                    null, false), 0, 50)), "contains, stripped");
            assertEquals(ids(six.li(), gated), ids(o.search(d, with(null, Set.of(), null, true, null, null, null, "李",
                    null, false), 0, 50)));
            assertEquals(400, status(() -> o.search(d, with(null, Set.of(), null, true, null, null, null,
                    "名".repeat(Oversight.MAX_NAME_FILTER + 1), null, false), 0, 50)));

            Entry chen = o.get(d, six.chen().id());
            assertEquals("district-review", chen.currentStepId());
            assertEquals(f.hospitalA, chen.currentStepOrganisationId(), "the department's parent");
            assertEquals("A-渝中区人民医院", chen.currentStepOrganisationName());
            assertEquals(w.department, chen.unitId());
            assertEquals("B-内科", chen.unitName());
            assertEquals("Chen_Yi", chen.applicantName());
            assertEquals(w.chen.accountId(), chen.applicantAccountId());
            assertEquals("2026", chen.seasonId());
            assertEquals(ApplicationStatus.IN_REVIEW, chen.status());
            assertNull(chen.decidedAt());
            Entry du = o.get(d, six.du().id());
            assertEquals(ApplicationStatus.APPROVED, du.status());
            assertEquals(six.du().updatedAt(), du.decidedAt(), "decided when the district approved");
            assertNull(du.currentStepId());
            assertEquals(six.ai().updatedAt(), o.get(d, six.ai().id()).decidedAt(), "decided when rejected");
            Entry wang = o.get(d, six.wang().id());
            assertNull(wang.submittedAt());
            assertNull(wang.currentStepOrganisationId());
            assertFalse(wang.canDownload(), "no observer, no download flag");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void everySortInBothDirectionsAndPagesThatAddUp(TestDatabases.Factory factory) throws Exception {
        try (OversightWorld w = new OversightWorld(factory)) {
            Six six = six(w);
            Oversight o = w.oversight;
            Caller d = w.f.districtReviewer;
            Function<Filter, List<String>> run = x -> ids(o.search(d, x, 0, 50));

            List<String> submitted = ids(six.li(), six.chen(), six.bai(), six.ai(), six.du(), six.wang());
            assertEquals(submitted, run.apply(with(TWO_STEP, Set.of(), null, true, null, null, null, null,
                    Sort.SUBMITTED_AT, false)));
            assertEquals(ids(six.du(), six.ai(), six.bai(), six.chen(), six.li(), six.wang()), run.apply(with(TWO_STEP,
                    Set.of(), null, true, null, null, null, null, Sort.SUBMITTED_AT, true)),
                    "the draft never submitted comes last either way");
            assertEquals(ids(six.du(), six.ai(), six.bai(), six.chen(), six.li(), six.wang()),
                    ids(o.search(d, Filter.all(), 0, 50)), "by default the latest submission first");

            List<String> updated = ids(six.li(), six.wang(), six.chen(), six.bai(), six.ai(), six.du());
            assertEquals(updated, run.apply(with(TWO_STEP, Set.of(), null, true, null, null, null, null,
                    Sort.UPDATED_AT, false)));
            assertEquals(reversed(updated), run.apply(with(TWO_STEP, Set.of(), null, true, null, null, null, null,
                    Sort.UPDATED_AT, true)));

            // Names with Latin initials, so that the order does not depend on the collation of Chinese.
            Set<ApplicationStatus> decided = Set.of(ApplicationStatus.RETURNED, ApplicationStatus.APPROVED,
                    ApplicationStatus.REJECTED);
            assertEquals(ids(six.ai(), six.bai(), six.du()), run.apply(with(TWO_STEP, decided, null, true, null, null,
                    null, null, Sort.APPLICANT_NAME, false)));
            assertEquals(ids(six.du(), six.bai(), six.ai()), run.apply(with(TWO_STEP, decided, null, true, null, null,
                    null, null, Sort.APPLICANT_NAME, true)));

            List<Entry> byUnit = o.search(d, with(TWO_STEP, Set.of(), null, true, null, null, null, null, Sort.UNIT,
                    false), 0, 50).entries();
            WorkflowFixture f = w.f;
            assertEquals(List.of(f.hospitalA, f.hospitalA, w.department, w.department, f.hospitalB, f.hospitalB),
                    byUnit.stream().map(Entry::unitId).toList(), "A-, B-, C-");
            assertEquals(sortedIds(byUnit.subList(0, 2)), byUnit.subList(0, 2).stream().map(Entry::applicationId)
                    .toList(), "ties by application id");
            List<Entry> byUnitDown = o.search(d, with(TWO_STEP, Set.of(), null, true, null, null, null, null,
                    Sort.UNIT, true), 0, 50).entries();
            assertEquals(List.of(f.hospitalB, f.hospitalB, w.department, w.department, f.hospitalA, f.hospitalA),
                    byUnitDown.stream().map(Entry::unitId).toList());

            // Pages: disjoint, adding up to the total, whatever the order.
            for (Sort sort : Sort.values()) {
                List<String> seen = new ArrayList<>();
                for (int offset = 0; offset < 6; offset += 4) {
                    Oversight.Page page = o.search(d, with(TWO_STEP, Set.of(), null, true, null, null, null, null, sort,
                            true), offset, 4);
                    assertEquals(6, page.total(), sort + " total");
                    seen.addAll(ids(page));
                }
                assertEquals(6, new HashSet<>(seen).size(), sort + ": pages overlap or miss " + seen);
                assertEquals(6, seen.size());
            }
            Oversight.Page beyond = o.search(d, Filter.all(), 10, 5);
            assertEquals(6, beyond.total());
            assertEquals(List.of(), beyond.entries());
            assertEquals(400, status(() -> o.search(d, Filter.all(), 0, 0)));
            assertEquals(400, status(() -> o.search(d, Filter.all(), 0, Oversight.MAX_LIMIT + 1)));
            assertEquals(400, status(() -> o.search(d, Filter.all(), -1, 10)));
            assertEquals(6, o.search(d, null, 0, Oversight.MAX_LIMIT).total(), "a null filter is every application");
        }
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<String> sortedIds(List<Entry> entries) {
        return entries.stream().map(Entry::applicationId).sorted(Comparator.naturalOrder()).toList();
    }

    private static Counts counts(int draft, int inReview, int returned, int approved, int rejected,
            Integer notStarted) {
        return new Counts(draft, inReview, returned, approved, rejected, notStarted);
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void theOverviewCountsEveryStatusAndThePeopleNotStarted(TestDatabases.Factory factory) throws Exception {
        try (OversightWorld w = new OversightWorld(factory)) {
            WorkflowFixture f = w.f;
            Oversight o = w.oversight;
            for (String account : List.of(f.applicant.accountId(), f.secondAccountId, w.chen.accountId(),
                    w.ai.accountId(), w.bai.accountId(), w.deletedAccount)) {
                w.roster(GATED, account);
            }
            w.submitted(GATED, f.applicant);
            w.draft(GATED, w.chen);
            w.act(w.departmentReviewer, w.submitted(GATED, w.ai), ReviewAction.RETURN);
            Six six = six(w); // two-step-review: 王强's draft there does not start the gated business

            Overview units = o.overview(f.districtReviewer, GATED, null, null, Grouping.UNIT);
            assertEquals("2026", units.seasonId(), "the business's current season");
            assertTrue(units.roster());
            assertEquals(f.district, units.organisationId());
            assertEquals(List.of(
                    new Group(f.hospitalA, "A-渝中区人民医院", counts(0, 1, 0, 0, 0, 1)),
                    new Group(w.department, "B-内科", counts(1, 0, 1, 0, 0, 0)),
                    new Group(f.hospitalB, "C-重庆医科大学附属第一医院", counts(0, 0, 0, 0, 0, 1))), units.groups(),
                    "the deleted account on the roster is not counted");
            assertEquals(counts(1, 1, 1, 0, 0, 2), units.totals());
            assertEquals(3, units.totals().applications());
            assertEquals(4, units.totals().notSubmitted(), "GD-PHOTO-6: draft, returned and not started");

            Overview children = o.overview(f.districtReviewer, GATED, "2026", null, Grouping.CHILD);
            assertEquals(List.of(
                    new Group(f.hospitalA, "A-渝中区人民医院", counts(1, 1, 1, 0, 0, 1)),
                    new Group(f.hospitalB, "C-重庆医科大学附属第一医院", counts(0, 0, 0, 0, 0, 1))), children.groups(),
                    "the department counts with its hospital; the district has no applicants of its own");
            assertEquals(units.totals(), children.totals());

            Overview drill = o.overview(f.reviewerA, GATED, null, f.hospitalA, Grouping.CHILD);
            assertEquals(List.of(
                    new Group(f.hospitalA, "A-渝中区人民医院", counts(0, 1, 0, 0, 0, 1)),
                    new Group(w.department, "B-内科", counts(1, 0, 1, 0, 0, 0))), drill.groups(),
                    "the hospital's own applicants first");

            Overview sibling = o.overview(f.reviewerB, GATED, null, null, null);
            assertEquals(Grouping.UNIT, sibling.grouping());
            assertEquals(List.of(new Group(f.hospitalB, "C-重庆医科大学附属第一医院", counts(0, 0, 0, 0, 0, 1))),
                    sibling.groups());

            Overview empty = o.overview(f.districtReviewer, GATED, "2025", null, Grouping.UNIT);
            assertEquals(List.of(), empty.groups());
            assertEquals(counts(0, 0, 0, 0, 0, 0), empty.totals());

            Overview open = o.overview(f.districtReviewer, TWO_STEP, null, null, Grouping.CHILD);
            assertFalse(open.roster());
            assertEquals(counts(1, 2, 1, 1, 1, null), open.totals(), "no roster, no notStarted");
            assertNull(open.groups().get(0).counts().notStarted());
            assertEquals(six.all().size(), open.totals().applications());
            assertEquals(404, status(() -> o.overview(f.districtReviewer, "no-such-business", null, null, null)));

            Oversight.NotStartedPage people = o.notStarted(f.districtReviewer, GATED, null, null, 0, 10);
            assertEquals(2, people.total());
            assertEquals(List.of(f.secondAccountId, w.bai.accountId()), people.people().stream()
                    .map(Oversight.NotStarted::accountId).toList(), "by unit name");
            assertEquals("王强", people.people().get(0).name());
            assertEquals(f.hospitalA, people.people().get(0).unitId());
            Oversight.NotStartedPage second = o.notStarted(f.districtReviewer, GATED, null, null, 1, 1);
            assertEquals(2, second.total());
            assertEquals(List.of("Bai%Er"), second.people().stream().map(Oversight.NotStarted::name).toList());
            assertEquals(List.of(w.bai.accountId()), o.notStarted(f.districtReviewer, GATED, null, f.hospitalB, 0, 10)
                    .people().stream().map(Oversight.NotStarted::accountId).toList());
            assertEquals(List.of(w.bai.accountId()), o.notStarted(f.reviewerB, GATED, null, null, 0, 10).people()
                    .stream().map(Oversight.NotStarted::accountId).toList());
            assertEquals(0, o.notStarted(f.districtReviewer, TWO_STEP, null, null, 0, 10).total(), "no roster");
            assertEquals(400, status(() -> o.notStarted(f.districtReviewer, GATED, null, null, 0, 501)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void observersSeeTheirBusinessWithoutReviewRights(TestDatabases.Factory factory) throws Exception {
        try (OversightWorld w = new OversightWorld(factory)) {
            WorkflowFixture f = w.f;
            Oversight o = w.oversight;
            for (String account : List.of(f.applicant.accountId(), f.secondAccountId, w.chen.accountId(),
                    w.bai.accountId())) {
                w.roster(OBSERVED, account);
            }
            Application li = w.submitted(OBSERVED, f.applicant);
            Application chen = w.submitted(OBSERVED, w.chen);
            Application bai = w.draft(OBSERVED, w.bai);
            Application other = w.submitted(TWO_STEP, f.applicant);

            Caller viewer = w.districtViewer;
            assertFalse(viewer.has("application.read") || viewer.has("review.act"), "no permission at all");
            Oversight.Page seen = o.search(viewer, Filter.all(), 0, 50);
            assertEquals(idSet(li, chen, bai), new HashSet<>(ids(seen)), "observed-review only, the whole district");
            assertTrue(seen.entries().stream().allMatch(Entry::canDownload), "canDownload of its observer");
            assertEquals(0, o.search(viewer, only(TWO_STEP), 0, 50).total());
            assertEquals(404, status(() -> o.get(viewer, other.id())));
            assertTrue(o.get(viewer, chen.id()).canDownload());
            assertEquals(404, status(() -> f.reviews.act(viewer, li.currentStep().orElseThrow().taskId(),
                    ReviewAction.APPROVE, null, null, null)), "views, never reviews");

            Overview overview = o.overview(viewer, OBSERVED, null, null, Grouping.UNIT);
            assertEquals(List.of(
                    new Group(f.hospitalA, "A-渝中区人民医院", counts(0, 1, 0, 0, 0, 1)),
                    new Group(w.department, "B-内科", counts(0, 1, 0, 0, 0, 0)),
                    new Group(f.hospitalB, "C-重庆医科大学附属第一医院", counts(1, 0, 0, 0, 0, 0))), overview.groups());
            assertEquals(404, status(() -> o.overview(viewer, TWO_STEP, null, null, null)),
                    "a business it does not observe");
            assertEquals(List.of(f.secondAccountId), o.notStarted(viewer, OBSERVED, null, null, 0, 10).people()
                    .stream().map(Oversight.NotStarted::accountId).toList());

            // pick "self": the watcher of hospital A sees hospital A's applicants, not its department's.
            Oversight.Page watched = o.search(w.unitWatcher, Filter.all(), 0, 50);
            assertEquals(ids(li), ids(watched));
            assertFalse(watched.entries().get(0).canDownload(), "its observer may not download");
            assertEquals(List.of(new Group(f.hospitalA, "A-渝中区人民医院", counts(0, 1, 0, 0, 0, 1))),
                    o.overview(w.unitWatcher, OBSERVED, null, null, Grouping.UNIT).groups());
            assertEquals(404, status(() -> o.get(w.unitWatcher, chen.id())));

            // The right role in an organisation the selector does not pick sees nothing.
            assertEquals(0, o.search(w.misplacedViewer, Filter.all(), 0, 50).total());
            Overview misplaced = o.overview(w.misplacedViewer, OBSERVED, null, null, Grouping.UNIT);
            assertEquals(List.of(), misplaced.groups());
            assertEquals(counts(0, 0, 0, 0, 0, 0), misplaced.totals());

            // Observers open the applications they see; only an observer with canDownload gets the originals.
            assertEquals(chen.id(), f.applications.get(viewer, chen.id()).id());
            assertEquals(new Applications.Reach(false, true), f.applications.reach(viewer, chen.id()));
            assertEquals(new Applications.Reach(false, false), f.applications.reach(w.unitWatcher, li.id()));
            assertEquals(404, status(() -> f.applications.get(w.unitWatcher, chen.id())));
            assertEquals(404, status(() -> f.applications.get(viewer, other.id())));
            assertEquals(404, status(() -> f.applications.reach(w.misplacedViewer, li.id())));
            assertEquals(new Applications.Reach(true, true), f.applications.reach(f.applicant, li.id()));

            // Readers see everything of their subtree, without the observers' download flag.
            Oversight.Page read = o.search(f.districtReviewer, Filter.all(), 0, 50);
            assertEquals(4, read.total());
            assertTrue(read.entries().stream().noneMatch(Entry::canDownload));
        }
    }
}
