package org.zhicheng.workflow.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zhicheng.workflow.internal.forms.Fixtures.bind;
import static org.zhicheng.workflow.internal.forms.Fixtures.descriptor;
import static org.zhicheng.workflow.internal.forms.Fixtures.map;
import static org.zhicheng.workflow.internal.forms.Fixtures.org;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.zhicheng.api.business.FormAnswers;
import org.zhicheng.api.business.RoutingContext;
import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.OrganisationSelector;
import org.zhicheng.api.business.descriptor.Review;
import org.zhicheng.api.business.descriptor.Route;
import org.zhicheng.registry.internal.validation.DescriptorValidation;
import org.zhicheng.registry.internal.validation.DescriptorValidator;
import org.zhicheng.workflow.internal.forms.ConditionContext;
import org.zhicheng.workflow.internal.routing.Unrouted.Reason;

/** The route tables of the fixtures (FJ-4, CQ-REV-1, CQ-ORG-4, GD-TITLE-6/7, GD-PHOTO-4) on hand-built trees. */
class RouterTest {

    static final LocalDate TODAY = LocalDate.of(2019, 12, 30);

    static Plan route(BusinessDescriptor descriptor, List<OrganisationRef> path, Map<String, Object> answers) {
        return Router.route(descriptor, context(descriptor, path, answers), TODAY);
    }

    static RoutingContext context(BusinessDescriptor descriptor, List<OrganisationRef> path,
            Map<String, Object> answers) {
        return new RoutingContext(path, new FormAnswers(descriptor.id(), descriptor.version(), answers));
    }

    static Chain chain(Plan plan) {
        return assertInstanceOf(Chain.class, plan, () -> "not routed: " + plan);
    }

    static PlannedStep step(String stepId, String organisationId, String role) {
        return new PlannedStep(stepId, organisationId, role);
    }

    /** The descriptor with only the routes kept. */
    static BusinessDescriptor withRoutes(BusinessDescriptor d, Predicate<Route> keep) {
        Review r = d.review();
        Review review = new Review(r.steps(), r.routes().stream().filter(keep).toList(), r.gates(), r.observers(),
                r.onReturn(), r.notifications(), r.queueColumns(), r.unroutedMessage(), r.reasons());
        return new BusinessDescriptor(d.formatVersion(), d.id(), d.version(), d.province(), d.name(), d.description(),
                d.season(), d.form(), d.uploads(), review, d.documents(), d.certificate(), d.dictionaries(),
                d.options());
    }

    /** FJ-4: candidates' units decide the chain up to the exam region. */
    @Nested
    class Fujian {
        static final BusinessDescriptor FJ = descriptor("fj-exam-prereg");
        static final OrganisationRef PROVINCE = org("province", "provincial-commission", 0, "examSite", "true");
        static final OrganisationRef CITY = org("city", "city-commission", 1, "examSite", "true",
                "registrationPoint", "true");
        static final OrganisationRef DISTRICT = org("district-bureau", "district-bureau", 2,
                "registrationPoint", "true");
        static final OrganisationRef COUNTY = org("county-bureau", "county-bureau", 2, "registrationPoint", "true");

        @Test
        void townshipGoesThroughTheDistrictBureauAndTheCityToTheProvince() {
            Chain chain = chain(route(FJ, List.of(org("township", "township-health-centre", 3), DISTRICT, CITY,
                    PROVINCE), Map.of()));
            assertEquals("township", chain.routeId());
            assertEquals(List.of(step("registration-point", "district-bureau", "registration-point"),
                    step("exam-site", "city", "exam-site"), step("exam-region", "province", "exam-region")),
                    chain.steps());
        }

        @Test
        void countyHospitalsReviewFirstThemselves() {
            Chain chain = chain(route(FJ, List.of(org("county-hospital", "county-hospital", 3), COUNTY, CITY,
                    PROVINCE), Map.of()));
            assertEquals("county", chain.routeId());
            assertEquals(List.of(step("unit-review", "county-hospital", "unit-reviewer"),
                    step("registration-point", "county-bureau", "registration-point"),
                    step("exam-site", "city", "exam-site"), step("exam-region", "province", "exam-region")),
                    chain.steps());
        }

        @Test
        void aCityHospitalIsItsOwnRegistrationPoint() {
            Chain chain = chain(route(FJ, List.of(org("city-hospital", "city-hospital", 2, "registrationPoint",
                    "true"), CITY, PROVINCE), Map.of()));
            assertEquals("city", chain.routeId());
            assertEquals(List.of(step("registration-point", "city-hospital", "registration-point"),
                    step("exam-site", "city", "exam-site"), step("exam-region", "province", "exam-region")),
                    chain.steps());
        }

        @Test
        void aProvincialHospitalGoesStraightToTheProvince() {
            Chain chain = chain(route(FJ, List.of(org("provincial-hospital", "university-hospital", 1,
                    "registrationPoint", "true"), PROVINCE), Map.of()));
            assertEquals("provincial", chain.routeId());
            assertEquals(List.of(step("registration-point", "provincial-hospital", "registration-point"),
                    step("exam-site", "province", "exam-site"), step("exam-region", "province", "exam-region")),
                    chain.steps());
        }

        @Test
        void otherUnitsTakeTheCatchAll() {
            Chain chain = chain(route(FJ, List.of(org("firm", "company-clinic", 3), DISTRICT, CITY, PROVINCE),
                    Map.of()));
            assertEquals("others", chain.routeId());
            assertEquals("district-bureau", chain.steps().get(0).organisationId());
        }

        @Test
        void withoutARegistrationPointOnThePathTheStepFails() {
            Plan plan = route(FJ, List.of(org("township", "township-health-centre", 3),
                    org("district-bureau", "district-bureau", 2), PROVINCE), Map.of());
            assertEquals(new Unrouted(Reason.NO_ORGANISATION, "township", "registration-point",
                    Router.GENERIC_UNROUTED.zh(), Router.GENERIC_UNROUTED.en()), plan);
        }

        @Test
        void withoutACatchAllAnUnmatchedUnitIsUnrouted() {
            BusinessDescriptor noCatchAll = withRoutes(FJ, r -> r.when() != null);
            assertEquals(new Unrouted(Reason.NO_ROUTE, null, null, Router.GENERIC_UNROUTED.zh(),
                    Router.GENERIC_UNROUTED.en()), route(noCatchAll, List.of(org("firm", "company-clinic", 3),
                            DISTRICT, CITY, PROVINCE), Map.of()));
        }
    }

    /** CQ-REV-1 flow charts and the CQ-ORG-4 title-reform office. */
    @Nested
    class Chongqing {
        static final BusinessDescriptor CQ = descriptor("cq-health-senior");
        static final OrganisationRef CITY = org("city", "city-health-commission", 0);
        static final OrganisationRef DISTRICT = org("district", "district-health-commission", 1);
        static final OrganisationRef REFORMED = org("district", "district-health-commission", 1,
                "hasTitleReformOffice", "true");
        static final OrganisationRef HOSPITAL = org("hospital", "district-hospital", 2);
        static final Map<String, Object> INSTITUTIONAL = map("applicantIdentity", "institutional");
        static final Map<String, Object> OTHER = map("applicantIdentity", "other");

        @Test
        void institutionalStaffOfADistrictHospital() {
            Chain chain = chain(route(CQ, List.of(HOSPITAL, DISTRICT, CITY), INSTITUTIONAL));
            assertEquals("district-establishment", chain.routeId());
            assertEquals(List.of(step("unit", "hospital", "reviewer"), step("district-commission", "district",
                    "reviewer"), step("city-commission", "city", "reviewer")), chain.steps());
        }

        @Test
        void otherStaffFollowTheirOwnChart() {
            Chain chain = chain(route(CQ, List.of(HOSPITAL, DISTRICT, CITY), OTHER));
            assertEquals("district-other", chain.routeId());
            assertEquals(List.of("unit", "district-commission", "city-commission"),
                    chain.steps().stream().map(PlannedStep::stepId).toList());
        }

        @Test
        void aLevelTwoCompetentDepartmentReviewsItsInstitutions() {
            OrganisationRef department = org("department", "district-competent-department", 2);
            Chain chain = chain(route(CQ, List.of(org("clinic", "institution", 3), department, DISTRICT, CITY),
                    INSTITUTIONAL));
            assertEquals(List.of(step("unit", "clinic", "reviewer"),
                    step("competent-department", "department", "reviewer"),
                    step("district-commission", "district", "reviewer"), step("city-commission", "city", "reviewer")),
                    chain.steps());
        }

        @Test
        void aTitleReformOfficeAddsAStepAfterTheDistrictCommission() {
            for (Map<String, Object> identity : List.of(INSTITUTIONAL, OTHER)) {
                Chain chain = chain(route(CQ, List.of(HOSPITAL, REFORMED, CITY), identity));
                assertEquals(List.of(step("unit", "hospital", "reviewer"),
                        step("district-commission", "district", "reviewer"),
                        step("title-reform-office", "district", "title-reform-office"),
                        step("city-commission", "city", "reviewer")), chain.steps());
            }
        }

        @Test
        void anAttributeOtherThanTrueAddsNoStep() {
            OrganisationRef notReformed = org("district", "district-health-commission", 1,
                    "hasTitleReformOffice", "false");
            Chain chain = chain(route(CQ, List.of(HOSPITAL, notReformed, CITY), INSTITUTIONAL));
            assertEquals(3, chain.steps().size());
        }

        @Test
        void directlyAffiliatedInstitutionsGoStraightToTheCity() {
            Chain chain = chain(route(CQ, List.of(org("affiliated", "directly-affiliated-institution", 1), CITY),
                    INSTITUTIONAL));
            assertEquals("directly-affiliated", chain.routeId());
            assertEquals(List.of(step("unit", "affiliated", "reviewer"), step("city-commission", "city", "reviewer")),
                    chain.steps());
        }

        @Test
        void otherInstitutionsGoThroughTheirLevelOneBody() {
            OrganisationRef body = org("body", "city-level-body", 1);
            Chain chain = chain(route(CQ, List.of(org("institute", "research-institute", 2), body, CITY), OTHER));
            assertEquals("other-institutions", chain.routeId());
            assertEquals(List.of(step("unit", "institute", "reviewer"), step("level1", "body", "reviewer"),
                    step("city-commission", "city", "reviewer")), chain.steps());
        }

        @Test
        void aLevelOneUnitIsNotReviewedTwiceByItself() {
            Chain chain = chain(route(CQ, List.of(org("body", "city-level-body", 1), CITY), OTHER));
            assertEquals(List.of("unit", "city-commission"), chain.steps().stream().map(PlannedStep::stepId).toList());
        }

        @Test
        void aFailureCarriesTheBusinessesUnroutedMessage() {
            Unrouted unrouted = assertInstanceOf(Unrouted.class, route(CQ, List.of(), INSTITUTIONAL));
            assertEquals(Reason.NO_ORGANISATION, unrouted.reason());
            assertEquals("other-institutions", unrouted.routeId());
            assertEquals("unit", unrouted.stepId());
            assertEquals("您所在的单位尚未纳入审核流程，请联系所属单位。", unrouted.zh());
            assertEquals("Your unit is not yet part of a review chain; please contact it.", unrouted.en());
        }

        @Test
        void noRouteAlsoCarriesIt() {
            Plan plan = route(withRoutes(CQ, r -> r.when() != null), List.of(HOSPITAL, org("x", "x", 1), CITY),
                    OTHER);
            assertEquals(new Unrouted(Reason.NO_ROUTE, null, null, CQ.review().unroutedMessage().zh(),
                    CQ.review().unroutedMessage().en()), plan);
        }
    }

    /** Business.route: the chain chosen in code; the steps' own includeWhen still apply. */
    @Nested
    class Override {
        static final BusinessDescriptor CQ = Chongqing.CQ;
        static final List<OrganisationRef> PATH = List.of(Chongqing.HOSPITAL, Chongqing.DISTRICT, Chongqing.CITY);

        static Plan override(List<String> steps) {
            return Router.route(CQ, context(CQ, PATH, Chongqing.OTHER), steps, TODAY);
        }

        @Test
        void theGivenStepsInTheGivenOrder() {
            Chain chain = chain(override(List.of("district-commission", "unit", "city-commission")));
            assertEquals(Router.OVERRIDE_ROUTE_ID, chain.routeId());
            assertEquals(List.of(step("district-commission", "district", "reviewer"),
                    step("unit", "hospital", "reviewer"), step("city-commission", "city", "reviewer")),
                    chain.steps());
        }

        @Test
        void optionalStepsStillDependOnTheirCondition() {
            Chain chain = chain(override(List.of("unit", "title-reform-office", "city-commission")));
            assertEquals(List.of("unit", "city-commission"), chain.steps().stream().map(PlannedStep::stepId).toList());
        }

        @Test
        void unknownDuplicateAndEmptyListsAreUnrouted() {
            assertEquals(Reason.UNKNOWN_STEP, ((Unrouted) override(List.of("unit", "level1-submit"))).reason());
            assertEquals("level1-submit", ((Unrouted) override(List.of("unit", "level1-submit"))).stepId());
            Unrouted duplicate = (Unrouted) override(List.of("unit", "city-commission", "unit"));
            assertEquals(List.of(Reason.DUPLICATE_STEP, "unit", Router.OVERRIDE_ROUTE_ID),
                    List.of(duplicate.reason(), duplicate.stepId(), duplicate.routeId()));
            assertEquals(Reason.NO_STEPS, ((Unrouted) override(List.of())).reason());
            assertEquals(Reason.NO_STEPS, ((Unrouted) override(List.of("title-reform-office"))).reason());
        }

        @Test
        void anEmptyOverrideMeansTheRouteTable() {
            RoutingContext context = context(CQ, PATH, Chongqing.OTHER);
            assertEquals("district-other", chain(Router.route(CQ, context, Optional.empty(), TODAY)).routeId());
            assertEquals(Router.OVERRIDE_ROUTE_ID,
                    chain(Router.route(CQ, context, Optional.of(List.of("unit")), TODAY)).routeId());
        }
    }

    /** GD-TITLE-6/7: reviewers named by answers; GD-PHOTO-4: the unit itself. */
    @Nested
    class Guangdong {
        static final BusinessDescriptor TITLE = descriptor("gd-title-review");
        static final List<OrganisationRef> PATH = List.of(org("hospital", "hospital", 3),
                org("health-bureau", "competent-authority", 2), org("city-hrss", "hrss-bureau", 1),
                org("province-hrss", "hrss-department", 0));
        static final Map<String, Object> ANSWERS = map("personnelUnit", "personnel-unit-9",
                "committee", "health-committee");

        @Test
        void personnelUnitAndCommitteeAreTheOrganisationsAnswered() {
            Chain chain = chain(route(TITLE, PATH, ANSWERS));
            assertEquals(List.of(step("personnel-unit", "personnel-unit-9", "reviewer"),
                    step("competent-authority", "health-bureau", "reviewer"),
                    step("hrss", "city-hrss", "reviewer"),
                    step("committee", "health-committee", "committee-office")), chain.steps());
        }

        @Test
        void theCompetentAuthorityStepOnlyWhereThereIsOne() {
            List<OrganisationRef> path = List.of(PATH.get(0), PATH.get(2), PATH.get(3));
            assertEquals(List.of("personnel-unit", "hrss", "committee"),
                    chain(route(TITLE, path, ANSWERS)).steps().stream().map(PlannedStep::stepId).toList());
        }

        @Test
        void aMissingOrganisationAnswerFailsItsStep() {
            Unrouted unrouted = assertInstanceOf(Unrouted.class, route(TITLE, PATH, map("committee", "c")));
            assertEquals(List.of(Reason.NO_ORGANISATION, "personnel-unit", "standard"),
                    List.of(unrouted.reason(), unrouted.stepId(), unrouted.routeId()));
        }

        @Test
        void photosAreReviewedByTheApplicantsOwnUnit() {
            BusinessDescriptor photo = descriptor("gd-health-photo");
            Chain chain = chain(route(photo, List.of(org("unit-32", "hospital", 2), org("gz", "city-health-authority",
                    1), org("gd", "province", 0)), Map.of()));
            assertEquals(new Chain("passed-applicants", List.of(step("unit-review", "unit-32", "unit-reviewer"))),
                    chain);
        }
    }

    @Test
    void theWorkflowTestBusinessAddsTheReformOfficeFromItsParent() throws IOException {
        BusinessDescriptor business;
        try (InputStream in = RouterTest.class.getResourceAsStream("/descriptors/two-step-review.json")) {
            DescriptorValidation validation = new DescriptorValidator().validate(in.readAllBytes());
            assertEquals(List.of(), validation.problems());
            business = validation.descriptor();
        }
        OrganisationRef hospital = org("a", "unit", 1);
        assertEquals(List.of(step("unit-review", "a", "unit-reviewer"), step("district-review", "d",
                "district-reviewer")), chain(route(business, List.of(hospital, org("d", "district-commission", 0)),
                        Map.of())).steps());
        assertEquals(List.of(step("unit-review", "a", "unit-reviewer"), step("reform-office", "d",
                "title-reform-office"), step("district-review", "d", "district-reviewer")),
                chain(route(business, List.of(hospital, org("d", "district-commission", 0, "hasTitleReformOffice",
                        "true")), Map.of())).steps());
    }

    /** Every pick of OrganisationSelector, also as gates and observers use them. */
    @Nested
    class Selectors {
        static final BusinessDescriptor ANY = descriptor("gd-health-photo");
        static final List<OrganisationRef> PATH = List.of(org("unit", "hospital", 3, "registrationPoint", "true"),
                org("district", "district-bureau", 2, "registrationPoint", "true"), org("city", "city", 1),
                org("root", "province", 0));

        static Optional<String> pick(String selector, List<OrganisationRef> path, Map<String, Object> answers) {
            return Router.organisation(bind(selector, OrganisationSelector.class),
                    ConditionContext.of(ANY.form(), answers, path, TODAY));
        }

        static Optional<String> pick(String selector) {
            return pick(selector, PATH, Map.of());
        }

        @Test
        void selfParentAndRoot() {
            assertEquals(Optional.of("unit"), pick("{\"pick\": \"self\"}"));
            assertEquals(Optional.of("district"), pick("{\"pick\": \"parent\"}"));
            assertEquals(Optional.of("root"), pick("{\"pick\": \"root\"}"));
            assertEquals(Optional.empty(), pick("{\"pick\": \"parent\"}", List.of(org("root", "province", 0)),
                    Map.of()));
            assertEquals(Optional.of("root"), pick("{\"pick\": \"root\"}", List.of(org("root", "province", 0)),
                    Map.of()));
            assertEquals(Optional.empty(), pick("{\"pick\": \"self\"}", List.of(), Map.of()));
        }

        @Test
        void nearestStartsAtTheUnitUnlessItMayNotPickItself() {
            String match = "\"match\": {\"org\": \"attributes.registrationPoint\", \"equals\": \"true\"}";
            assertEquals(Optional.of("unit"), pick("{\"pick\": \"nearest\", " + match + "}"));
            assertEquals(Optional.of("district"), pick("{\"pick\": \"nearest\", \"includeSelf\": false, " + match
                    + "}"));
            assertEquals(Optional.of("city"), pick("{\"pick\": \"nearest\", \"match\": {\"org\": \"level\","
                    + " \"lte\": 1}}"));
            assertEquals(Optional.empty(), pick("{\"pick\": \"nearest\", \"match\": {\"org\": \"type\","
                    + " \"equals\": \"nowhere\"}}"));
            assertEquals(Optional.of("district"), pick("{\"pick\": \"nearest\", \"includeSelf\": false}"));
        }

        @Test
        void levelPicksTheOrganisationAtThatLevel() {
            assertEquals(Optional.of("city"), pick("{\"pick\": \"level\", \"level\": 1}"));
            assertEquals(Optional.of("unit"), pick("{\"pick\": \"level\", \"level\": 3}"));
            assertEquals(Optional.empty(), pick("{\"pick\": \"level\", \"level\": 4}"));
        }

        @Test
        void fieldReadsTheOrganisationIdFromAnAnswer() {
            assertEquals(Optional.of("elsewhere"), pick("{\"pick\": \"field\", \"field\": \"photo\"}", PATH,
                    map("photo", "elsewhere")));
            assertEquals(Optional.empty(), pick("{\"pick\": \"field\", \"field\": \"photo\"}", PATH,
                    map("photo", " ")));
            assertEquals(Optional.empty(), pick("{\"pick\": \"field\", \"field\": \"photo\"}", PATH,
                    map("photo", 42)));
        }

        @Test
        void theDefaultRoleIsReviewer() {
            assertEquals(OrganisationSelector.DEFAULT_ROLE, bind("{\"pick\": \"self\"}", OrganisationSelector.class)
                    .role());
            assertEquals(Optional.empty(), Router.organisation(null, ConditionContext.of(ANY.form(), Map.of(), PATH,
                    TODAY)));
        }
    }

    @Test
    void aChainHasSteps() {
        assertThrows(IllegalArgumentException.class, () -> new Chain("r", List.of()));
    }
}
