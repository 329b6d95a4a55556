package org.zhicheng.identity.internal.organisations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.Organisation;
import org.zhicheng.api.identity.Organisations.Details;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** The organisation tree (CQ-ORG-1/2, FJ-9) seen from callers at different levels, on both databases. */
class DatabaseOrganisationsTest {

    static final String PASSWORD = "Kx7#vPq2!mRt";
    static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Settings.DEFAULTS);


    /** City commission → two districts → a hospital in district A; a manager at the city and at district A. */
    record Fixture(TestDatabase db, DatabaseOrganisations orgs, DatabaseAuthentication auth, DatabaseAuditTrail audit,
            Caller city, Caller districtA, String cityId, String districtAId, String districtBId, String hospitalId)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            db.close();
        }
    }

    static Fixture fixture(TestDatabases.Factory factory) throws Exception {
        TestDatabase db = factory.create();
        TestDatabases.migrate(db.dataSource());
        Clock clock = Clock.systemUTC();
        DatabaseAuditTrail audit = new DatabaseAuditTrail(db.dataSource(), clock);
        IdentityStore store = new IdentityStore(db.dataSource(), clock);
        var city = store.createOrganisation(null, "city-commission", "重庆市卫生健康委员会", "active");
        var a = store.createOrganisation(city.id(), "district-commission", "渝中区卫生健康委员会", "active");
        var b = store.createOrganisation(city.id(), "district-commission", "江北区卫生健康委员会", "active");
        var hospital = store.createOrganisation(a.id(), "unit", "渝中区人民医院", "active");
        store.createAccount("city.admin", "市管理员", city.id(), HASHER.hash(PASSWORD), false, List.of("platform-admin"));
        store.createAccount("a.admin", "区管理员", a.id(), HASHER.hash(PASSWORD), false, List.of("district-reviewer"));
        store.createAccount("h.reviewer", "医院审核员", hospital.id(), HASHER.hash(PASSWORD), false,
                List.of("unit-reviewer"));
        DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                Duration.ofMinutes(30), Duration.ofHours(12));
        Caller cityCaller = ((SignedIn) auth.login("city.admin", PASSWORD, null)).session().caller();
        Caller districtCaller = ((SignedIn) auth.login("a.admin", PASSWORD, null)).session().caller();
        return new Fixture(db, new DatabaseOrganisations(db.dataSource(), audit, clock), auth, audit, cityCaller,
                districtCaller, city.id(), a.id(), b.id(), hospital.id());
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void callersSeeOnlyTheirOwnSubtree(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            assertEquals("渝中区卫生健康委员会", f.orgs().own(f.districtA()).name());
            assertEquals(List.of("江北区卫生健康委员会", "渝中区卫生健康委员会"),
                    f.orgs().children(f.city(), f.cityId()).stream().map(Organisation::name).toList());
            assertEquals(List.of("渝中区人民医院"),
                    f.orgs().children(f.districtA(), f.districtAId()).stream().map(Organisation::name).toList());
            for (String foreign : List.of(f.cityId(), f.districtBId(), "no-such-id", "%")) {
                IdentityException e = assertThrows(IdentityException.class, () -> f.orgs().get(f.districtA(), foreign));
                assertEquals(404, e.status(), foreign);
                assertThrows(IdentityException.class, () -> f.orgs().children(f.districtA(), foreign));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void createsValidatesAndRefusesDuplicates(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            Organisation clinic = f.orgs().create(f.districtA(), f.districtAId(),
                    new Details("unit", "  解放碑社区卫生服务中心 ", "91350100M000100Y43", "500103"));
            assertEquals("解放碑社区卫生服务中心", clinic.name());
            assertEquals(2, clinic.level());
            assertEquals("active", clinic.status());

            IdentityException invalid = assertThrows(IdentityException.class, () -> f.orgs().create(f.districtA(),
                    f.districtAId(), new Details("Unit!", "", "91350100M000100Y44", "12")));
            assertEquals(400, invalid.status());
            assertEquals(List.of("type", "name", "creditCode", "regionCode"),
                    invalid.problems().stream().map(p -> p.path()).distinct().toList(), "every problem at once");
            assertEquals(409, assertThrows(IdentityException.class, () -> f.orgs().create(f.districtA(),
                    f.districtAId(), new Details("unit", "解放碑社区卫生服务中心", null, null))).status());
            assertEquals(404, assertThrows(IdentityException.class, () -> f.orgs().create(f.districtA(),
                    f.districtBId(), new Details("unit", "外区单位", null, null))).status(), "not under a foreign parent");
            assertTrue(f.audit().find(AuditQuery.all(0, 100)).stream()
                    .anyMatch(e -> e.event().action().equals("organisation.create")
                            && clinic.id().equals(e.event().objectId())));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void updatesWithOptimisticLocking(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            Organisation before = f.orgs().get(f.city(), f.hospitalId());
            Organisation after = f.orgs().update(f.city(), f.hospitalId(),
                    new Details("unit", "重庆市渝中区人民医院", null, "500103"), before.version());
            assertEquals(before.version() + 1, after.version());
            assertEquals("重庆市渝中区人民医院", after.name());
            IdentityException stale = assertThrows(IdentityException.class, () -> f.orgs().update(f.city(),
                    f.hospitalId(), new Details("unit", "另一个名字", null, null), before.version()));
            assertEquals("stale-version", stale.code());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void disablingAnOrganisationStopsEveryoneBelowIt(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            SignedIn hospitalSession = (SignedIn) f.auth().login("h.reviewer", PASSWORD, null);
            assertEquals(409, assertThrows(IdentityException.class,
                    () -> f.orgs().disable(f.districtA(), f.districtAId())).status(), "not one's own");
            f.orgs().disable(f.city(), f.districtAId());
            assertEquals(new Refused(Reason.ORGANISATION_DISABLED), f.auth().login("h.reviewer", PASSWORD, null),
                    "a unit under a disabled district cannot sign in");
            assertTrue(f.auth().resolve(hospitalSession.token()).isEmpty(), "and its sessions stop working");
            f.orgs().enable(f.city(), f.districtAId());
            assertInstanceOf(SignedIn.class, f.auth().login("h.reviewer", PASSWORD, null));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void movesAWholeSubtreeButNeverUnderItself(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            Organisation ward = f.orgs().create(f.city(), f.hospitalId(), new Details("department", "内科", null, null));
            assertEquals(3, ward.level());
            f.orgs().move(f.city(), f.hospitalId(), f.districtBId());
            assertEquals(f.districtBId(), f.orgs().get(f.city(), f.hospitalId()).parentId());
            assertEquals(3, f.orgs().get(f.city(), ward.id()).level());
            assertEquals(List.of("渝中区人民医院"),
                    f.orgs().children(f.city(), f.districtBId()).stream().map(Organisation::name).toList());
            assertEquals(404, assertThrows(IdentityException.class, () -> f.orgs().get(f.districtA(), ward.id()))
                    .status(), "district A no longer sees what moved away");
            assertEquals("move-into-own-subtree", assertThrows(IdentityException.class,
                    () -> f.orgs().move(f.city(), f.districtBId(), ward.id())).code());
            // The moved reviewer now belongs to district B's subtree: district A's manager cannot reach it.
            Caller reviewer = ((SignedIn) f.auth().login("h.reviewer", PASSWORD, null)).session().caller();
            assertTrue(reviewer.organisationPath().contains(f.districtBId()));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void attributesForRoutingAreSetWithinTheScopeOnly(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            f.orgs().setAttributes(f.districtA(), f.districtAId(), java.util.Map.of("hasTitleReformOffice", "true"));
            assertEquals(java.util.Map.of("hasTitleReformOffice", "true"), f.orgs().attributes(f.city(),
                    f.districtAId()), "CQ-ORG-4: what routing reads");
            assertEquals(404, assertThrows(IdentityException.class, () -> f.orgs().setAttributes(f.districtA(),
                    f.districtBId(), java.util.Map.of("x", "y"))).status(), "not another district's");
            assertEquals(400, assertThrows(IdentityException.class, () -> f.orgs().setAttributes(f.districtA(),
                    f.districtAId(), java.util.Map.of("1bad", "x"))).status());
            f.orgs().setAttributes(f.districtA(), f.districtAId(), java.util.Map.of());
            assertEquals(java.util.Map.of(), f.orgs().attributes(f.districtA(), f.districtAId()), "replaced, not merged");
        }
    }
}
