package org.zhicheng.identity.internal.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.PassListImports;
import org.zhicheng.api.identity.PassListImports.Result;
import org.zhicheng.documents.internal.PoiSpreadsheets;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.people.DatabaseRegistrationsTest.Fixture;
import org.zhicheng.identity.internal.validation.ResidentIdNumberTest;
import org.zhicheng.persistence.internal.TestDatabases;

/** GD-PHOTO-1: a published pass list is imported whole or not at all, within the importer's scope. */
class PassListImportTest {

    static final String ID_1 = ResidentIdNumberTest.withCheck("44010319900101123");
    static final String ID_2 = ResidentIdNumberTest.withCheck("44010319910202234");

    /** An .xlsx with these rows, the first being the header. */
    static ByteArrayInputStream xlsx(Object[]... rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("合格名单");
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    static DatabasePassListImports imports(Fixture f) {
        return new DatabasePassListImports(f.db().dataSource(), new DatabaseAuditTrail(f.db().dataSource(),
                Clock.systemUTC()), new PoiSpreadsheets(), DatabaseRegistrationsTest.CIPHER, Clock.systemUTC());
    }

    /** The district authority above both hospitals of the fixture. */
    static Caller district(Fixture f) {
        return new Caller("district", "district.admin", "区", "d", f.reviewerA().organisationPath()
                .substring(0, f.reviewerA().organisationPath().indexOf('/', 1) + 1), java.util.Set.of("district-reviewer"),
                java.util.Set.of("applicant.import"), false, false, false);
    }

    static int count(Fixture f, String sql) throws Exception {
        try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void importsEveryRowIntoItsUnitAndLeavesKnownPeopleAlone(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseRegistrationsTest.fixture(factory)) {
            Result first = imports(f).importPassList(district(f), null, null, xlsx(
                    new Object[] {"姓名", "身份证号", "单位", "手机号", "邮箱"},
                    new Object[] {"王芳", ID_1, "渝中区人民医院", "13800138001", "wang.fang@example.cn"},
                    new Object[] {"李强", ID_2, "重庆医科大学附属第一医院"}), "10.0.0.1");
            assertEquals(2, first.rows());
            assertEquals(2, first.created().size());
            assertEquals(List.of(f.hospitalA(), f.hospitalB()), first.created().stream().map(a -> a.unitId()).toList());
            assertEquals(ID_1, first.created().get(0).username(), "the username defaults to the ID number");
            assertEquals(Reason.BAD_CREDENTIALS, ((Refused) f.auth().login(ID_1, "", null)).reason(),
                    "no password until the person sets one");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM account WHERE email_key = 'wang.fang@example.cn'"));

            Result again = imports(f).importPassList(district(f), f.hospitalA(), null, xlsx(
                    new Object[] {"姓名", "身份证号"}, new Object[] {"王芳", ID_1}), null);
            assertEquals(List.of(2), again.alreadyRegistered(), "a second import of the same person changes nothing");

            imports(f).importPassList(district(f), f.hospitalA(), new PassListImports.Roster("gd-photo", "2018"),
                    xlsx(new Object[] {"姓名", "身份证号"}, new Object[] {"王芳", ID_1}), null);
            assertEquals(1, count(f, "SELECT COUNT(*) FROM business_roster WHERE business_id = 'gd-photo'"
                    + " AND season_id = '2018'"), "GD-PHOTO-1: a known person joins the roster too");
            assertEquals(0, again.created().size());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void oneBadRowAndNothingIsImportedWithEveryProblemNamed(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseRegistrationsTest.fixture(factory)) {
            String wrongCheck = ID_2.substring(0, 17) + (ID_2.charAt(17) == '1' ? '2' : '1');
            IdentityException bad = assertThrows(IdentityException.class, () -> imports(f).importPassList(district(f),
                    null, null, xlsx(new Object[] {"姓名", "身份证号", "单位"},
                            new Object[] {"王芳", ID_1, "渝中区人民医院"},
                            new Object[] {"李强", wrongCheck, "渝中区人民医院"},
                            new Object[] {"", ID_1, "不存在的医院"}), null));
            assertEquals(400, bad.status());
            assertEquals("pass-list.invalid", bad.code());
            List<String> paths = bad.problems().stream().map(p -> p.path() + " " + p.code()).toList();
            assertTrue(paths.contains("rows[3].idNumber id-number.check-digit"), paths.toString());
            assertTrue(paths.contains("rows[4].name person.name"), paths.toString());
            assertEquals(0, count(f, "SELECT COUNT(*) FROM person"), "nothing imported");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void unitsOutsideTheScopeAndPeopleOfOtherUnitsAreRefused(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseRegistrationsTest.fixture(factory)) {
            IdentityException foreign = assertThrows(IdentityException.class, () -> imports(f).importPassList(
                    f.reviewerA(), f.hospitalB(), null, xlsx(new Object[] {"姓名", "身份证号"}, new Object[] {"王芳", ID_1}),
                    null));
            assertEquals(404, foreign.status());
            imports(f).importPassList(district(f), f.hospitalA(), null, xlsx(new Object[] {"姓名", "身份证号"},
                    new Object[] {"王芳", ID_1}), null);
            IdentityException elsewhere = assertThrows(IdentityException.class, () -> imports(f).importPassList(
                    district(f), f.hospitalB(), null, xlsx(new Object[] {"姓名", "身份证号"}, new Object[] {"王芳", ID_1}),
                    null));
            assertTrue(elsewhere.problems().get(0).zh().contains("渝中区人民医院"), "CQ-ORG-5 names the unit holding it");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void unreadableFilesAndMissingColumnsAreClearProblems(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseRegistrationsTest.fixture(factory)) {
            IdentityException csv = assertThrows(IdentityException.class, () -> imports(f).importPassList(district(f),
                    null, null, new ByteArrayInputStream("姓名,身份证号\n王芳,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    null));
            assertEquals("pass-list.unreadable", csv.code());
            IdentityException columns = assertThrows(IdentityException.class, () -> imports(f).importPassList(
                    district(f), null, null, xlsx(new Object[] {"姓名", "证件"}, new Object[] {"王芳", ID_1}), null));
            assertEquals("pass-list.columns", columns.code());
            assertTrue(columns.zh().contains("身份证号") && columns.zh().contains("单位"), columns.zh());
        }
    }
}
