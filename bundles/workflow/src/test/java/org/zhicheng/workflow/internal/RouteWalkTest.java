package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.Business;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * FJ-4 and CQ-REV-1 walked end to end with the seeds' route tables: for every unit type (and, in Chongqing, staff
 * identity), an applicant submits and the chain's reviewers, each in the organisation the route picks, approve one
 * after the other; a reviewer of another organisation's step cannot act out of turn.
 */
class RouteWalkTest {

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void everyFujianRouteIsWalkedByTheRightOrganisations(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            offer(f, FJ);
            Province p = new Province(f);

            walk(f, p, p.township, "township", List.of(
                    p.reviewer(p.district, "registration-point"), p.reviewer(p.city, "exam-site"),
                    p.reviewer(p.province, "exam-region")));
            walk(f, p, p.countyHospital, "county", List.of(
                    p.reviewer(p.countyHospital, "unit-reviewer"), p.reviewer(p.county, "registration-point"),
                    p.reviewer(p.city, "exam-site"), p.reviewer(p.province, "exam-region")));
            walk(f, p, p.cityHospital, "city", List.of(
                    p.reviewer(p.cityHospital, "registration-point"), p.reviewer(p.city, "exam-site"),
                    p.reviewer(p.province, "exam-region")));
            walk(f, p, p.universityHospital, "provincial", List.of(
                    p.reviewer(p.universityHospital, "registration-point"), p.reviewer(p.province, "exam-site"),
                    p.reviewer(p.province, "exam-region")));
            walk(f, p, p.clinic, "others", List.of(
                    p.reviewer(p.district, "registration-point"), p.reviewer(p.city, "exam-site"),
                    p.reviewer(p.province, "exam-region")));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void everyChongqingChartIsWalkedByTheRightOrganisations(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            offer(f, CQ);
            Municipality m = new Municipality(f);
            Accounts a = m.accounts;

            // 1.1.1 with the district's title-reform office (CQ-ORG-4) and 1.1.2 for other staff.
            walk(f, a, CQ, m.hospital, "institutional", "district-establishment", List.of(
                    a.reviewer(m.hospital, "unit-reviewer"), a.reviewer(m.district, "district-reviewer"),
                    a.reviewer(m.district, "title-reform-office"), a.reviewer(m.city, "city-reviewer")));
            walk(f, a, CQ, m.hospital, "other", "district-other", List.of(
                    a.reviewer(m.hospital, "unit-reviewer"), a.reviewer(m.district, "district-reviewer"),
                    a.reviewer(m.district, "title-reform-office"), a.reviewer(m.city, "city-reviewer")));
            // 1.1.1 under a competent department, in a district without a title-reform office.
            walk(f, a, CQ, m.clinic, "institutional", "district-establishment", List.of(
                    a.reviewer(m.clinic, "unit-reviewer"), a.reviewer(m.department, "district-reviewer"),
                    a.reviewer(m.plainDistrict, "district-reviewer"),
                    a.reviewer(m.city, "city-reviewer")));
            // 1.2 directly affiliated, 1.3 other institutions through their level-one body.
            walk(f, a, CQ, m.affiliated, "institutional", "directly-affiliated", List.of(
                    a.reviewer(m.affiliated, "unit-reviewer"), a.reviewer(m.city, "city-reviewer")));
            walk(f, a, CQ, m.institute, "other", "other-institutions", List.of(
                    a.reviewer(m.institute, "unit-reviewer"), a.reviewer(m.body, "city-reviewer"),
                    a.reviewer(m.city, "city-reviewer")));
        }
    }

    private static final String FJ = "fj-routes";
    private static final String CQ = "cq-routes";

    private static void offer(WorkflowFixture f, String id) throws Exception {
        byte[] descriptor = Files.readAllBytes(Path.of("src", "test", "resources", "descriptors", id + ".json"));
        Business business = () -> new ByteArrayInputStream(descriptor);
        f.registry.offer(business, id, 99);
    }

    private static void walk(WorkflowFixture f, Province p, String unit, String route, List<Caller> reviewers) {
        walk(f, p.accounts, FJ, unit, null, route, reviewers);
    }

    /** Submits for an applicant of the unit and approves step by step with the expected reviewers. */
    private static void walk(WorkflowFixture f, Accounts accounts, String business, String unit, String identity,
            String route, List<Caller> reviewers) {
        Caller applicant = accounts.applicant(unit);
        Application draft = f.applications.create(applicant, business, null);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("name", "申报人" + route);
        answers.put("specialty", "nursing");
        if (identity != null) {
            answers.put("applicantIdentity", identity);
        }
        Application saved = f.applications.save(applicant, draft.id(), draft.version(), answers, null);
        Application a = f.applications.submit(applicant, draft.id(), saved.version(), null);
        assertEquals(reviewers.stream().map(Caller::organisationId).toList(),
                a.chain().stream().map(Application.Step::organisationId).toList(), route);
        for (int i = 0; i < reviewers.size(); i++) {
            String task = a.chain().get(i).taskId();
            Caller other = reviewers.get((i + 1) % reviewers.size());
            // Any reviewer of a step's organisation may act on it; one of another organisation never.
            if (!other.organisationId().equals(reviewers.get(i).organisationId())) {
                assertEquals(404, assertThrows(WorkflowException.class, () -> f.reviews.act(other, task,
                        ReviewAction.APPROVE, null, null, null)).status(), route + ": out of turn at step " + i);
            }
            a = f.reviews.act(reviewers.get(i), task, ReviewAction.APPROVE, "同意", null, null);
        }
        assertEquals(ApplicationStatus.APPROVED, a.status(), route);
    }

    /** The FJ-4 organisations: province → city → district and county bureaus → units, with their attributes. */
    private static final class Province {

        final Accounts accounts;
        final String province;
        final String city;
        final String district;
        final String county;
        final String township;
        final String countyHospital;
        final String cityHospital;
        final String universityHospital;
        final String clinic;

        Province(WorkflowFixture f) throws Exception {
            accounts = new Accounts(f);
            province = accounts.org(null, "provincial-commission", "福建省卫生健康委员会", "examSite");
            city = accounts.org(province, "city-commission", "福州市卫生健康委员会", "examSite", "registrationPoint");
            district = accounts.org(city, "district-bureau", "鼓楼区卫生健康局", "registrationPoint");
            county = accounts.org(city, "county-bureau", "闽侯县卫生健康局", "registrationPoint");
            township = accounts.org(district, "township-health-centre", "鼓楼区社区卫生服务中心");
            countyHospital = accounts.org(county, "county-hospital", "闽侯县医院");
            cityHospital = accounts.org(city, "city-hospital", "福州市第一医院", "registrationPoint");
            universityHospital = accounts.org(province, "university-hospital", "福建医科大学附属协和医院",
                    "registrationPoint");
            clinic = accounts.org(district, "company-clinic", "某公司医务室");
        }

        Caller reviewer(String organisation, String role) {
            return accounts.reviewer(organisation, role);
        }
    }

    /**
     * The CQ-REV-1 organisations: the city commission, a district commission with a title-reform office and one
     * without, a competent department, a directly affiliated institution, and a level-one body.
     */
    private static final class Municipality {

        final Accounts accounts;
        final String city;
        final String district;
        final String plainDistrict;
        final String hospital;
        final String department;
        final String clinic;
        final String affiliated;
        final String body;
        final String institute;

        Municipality(WorkflowFixture f) throws Exception {
            accounts = new Accounts(f);
            city = accounts.org(null, "city-health-commission", "重庆市卫生健康委员会");
            district = accounts.org(city, "district-health-commission", "渝中区卫生健康委员会", "hasTitleReformOffice");
            plainDistrict = accounts.org(city, "district-health-commission", "江北区卫生健康委员会");
            hospital = accounts.org(district, "district-hospital", "渝中区人民医院");
            department = accounts.org(plainDistrict, "district-competent-department", "江北区教育委员会");
            clinic = accounts.org(department, "institution", "江北区某校医院");
            affiliated = accounts.org(city, "directly-affiliated-institution", "重庆市急救医疗中心");
            body = accounts.org(city, "city-level-body", "重庆市某集团");
            institute = accounts.org(body, "research-institute", "某研究所");
        }
    }

    /** Organisations with attributes, and signed-in accounts in them. */
    private static final class Accounts {

        final WorkflowFixture f;
        final IdentityStore store;
        final DatabaseAuthentication auth;
        private int count;

        Accounts(WorkflowFixture f) {
            this.f = f;
            store = new IdentityStore(f.db.dataSource(), f.clock);
            auth = new DatabaseAuthentication(f.db.dataSource(), f.audit, WorkflowFixture.HASHER, f.clock, 5,
                    Duration.ofMinutes(30), Duration.ofHours(12));
        }

        String org(String parent, String type, String name, String... trueAttributes) throws Exception {
            String id = store.createOrganisation(parent, type, name, "active").id();
            for (String attribute : trueAttributes) {
                try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                        "INSERT INTO organisation_attribute (organisation_id, name, text_value) VALUES (?, ?, 'true')")) {
                    s.setString(1, id);
                    s.setString(2, attribute);
                    s.executeUpdate();
                }
            }
            return id;
        }

        Caller reviewer(String organisation, String role) {
            return account(organisation, role);
        }

        Caller applicant(String organisation) {
            return account(organisation, "applicant");
        }

        private Caller account(String organisation, String role) {
            String username = "walk." + role + "." + (++count);
            String hash = WorkflowFixture.HASHER.hash(WorkflowFixture.PASSWORD);
            store.createAccount(username, username, organisation, hash, false, List.of(role));
            return ((SignedIn) auth.login(username, WorkflowFixture.PASSWORD, null)).session().caller();
        }
    }
}
