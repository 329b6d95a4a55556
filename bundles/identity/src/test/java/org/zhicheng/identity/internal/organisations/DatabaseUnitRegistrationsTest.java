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
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.UnitRegistrations.UnitApplication;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.identity.internal.validation.PasswordPolicy;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** CQ-ORG-2: a unit registers under an approved parent and waits for that parent's decision. */
class DatabaseUnitRegistrationsTest {

    static final String PASSWORD = "Kx7#vPq2!mRt";
    static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Settings.DEFAULTS);

    static UnitApplication hospital(String parent, String name, String username) {
        return new UnitApplication(parent, "unit", name, "91350100M000100Y43", "500103", username, "Unit#2026-Strong",
                "王主任");
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aRegisteredUnitSignsInOnceItsParentApproves(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            Clock clock = Clock.systemUTC();
            DatabaseAuditTrail audit = new DatabaseAuditTrail(db.dataSource(), clock);
            IdentityStore store = new IdentityStore(db.dataSource(), clock);
            var city = store.createOrganisation(null, "city-commission", "重庆市卫生健康委员会", "active");
            var district = store.createOrganisation(city.id(), "district-commission", "渝中区卫生健康委员会", "active");
            var other = store.createOrganisation(city.id(), "district-commission", "江北区卫生健康委员会", "active");
            var pendingParent = store.createOrganisation(city.id(), "district-commission", "待审区", "pending");
            store.createAccount("yuzhong", "渝中区", district.id(), HASHER.hash(PASSWORD), false,
                    List.of("district-reviewer"));
            store.createAccount("jiangbei", "江北区", other.id(), HASHER.hash(PASSWORD), false,
                    List.of("district-reviewer"));
            DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                    Duration.ofMinutes(30), Duration.ofHours(12));
            Caller yuzhong = ((SignedIn) auth.login("yuzhong", PASSWORD, null)).session().caller();
            Caller jiangbei = ((SignedIn) auth.login("jiangbei", PASSWORD, null)).session().caller();
            DatabaseUnitRegistrations units = new DatabaseUnitRegistrations(db.dataSource(), audit, HASHER,
                    PasswordPolicy.defaults(), clock);

            String unit = units.registerUnit(hospital(district.id(), "渝中区人民医院", "yz.hospital"), "10.0.0.5");
            assertEquals(new Refused(Reason.PENDING_APPROVAL), auth.login("yz.hospital", "Unit#2026-Strong", null));
            assertEquals(404, assertThrows(IdentityException.class, () -> units.registerUnit(
                    hospital(pendingParent.id(), "某医院", "x.hospital"), null)).status(), "only an approved parent");
            assertEquals(409, assertThrows(IdentityException.class, () -> units.registerUnit(
                    hospital(district.id(), "渝中区人民医院", "y.hospital"), null)).status(), "names are unique");
            IdentityException invalid = assertThrows(IdentityException.class, () -> units.registerUnit(
                    new UnitApplication(district.id(), "unit", "", "91350100M000100Y44", null, "x", "123", ""), null));
            assertEquals(List.of("name", "creditCode", "username", "contactName", "password"),
                    invalid.problems().stream().map(p -> p.path()).distinct().toList());

            assertEquals(List.of("渝中区人民医院"), units.pendingUnits(yuzhong, district.id()).stream()
                    .map(u -> u.name()).toList());
            assertEquals(404, assertThrows(IdentityException.class,
                    () -> units.pendingUnits(jiangbei, district.id())).status());
            assertEquals(404, assertThrows(IdentityException.class,
                    () -> units.approveUnit(jiangbei, unit, null)).status(), "only the parent's side decides");

            units.approveUnit(yuzhong, unit, null);
            assertInstanceOf(SignedIn.class, auth.login("yz.hospital", "Unit#2026-Strong", null));
            assertTrue(units.pendingUnits(yuzhong, district.id()).isEmpty());

            String rejected = units.registerUnit(hospital(district.id(), "错误单位", "wrong.unit"), null);
            assertEquals("reason-required", assertThrows(IdentityException.class,
                    () -> units.rejectUnit(yuzhong, rejected, "", null)).code());
            units.rejectUnit(yuzhong, rejected, "名称与公章不符 / name does not match the seal", null);
            assertEquals(new Refused(Reason.BAD_CREDENTIALS), auth.login("wrong.unit", "Unit#2026-Strong", null));
            units.registerUnit(hospital(district.id(), "错误单位", "wrong.unit"), null);
            assertTrue(audit.verify().intact());
        }
    }
}
