package org.zhicheng.certificates.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.RefusedException;
import org.zhicheng.api.certificates.Certificates;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.certificates.internal.layout.CertificateLayoutTest;
import org.zhicheng.certificates.internal.signature.SignatureCheck;
import org.zhicheng.certificates.internal.signature.TestKeys;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * Electronic certificates issued from real applications (GD-CERT-1..3): issued only after the committee approved
 * and only by an issuer; numbered by the rule without gaps, also when issuers work at once; printed fields, the photo
 * and the signed PDF frozen at issue; verifiable by anyone with the holder's data masked, by number or by file;
 * reissued under a new number that the old one names; revocable with a reason.
 */
class CertificatesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aCertificateIsIssuedAfterTheCommitteeWithFrozenFieldsPhotoAndSignature(TestDatabases.Factory factory)
            throws Exception {
        try (CertificatesWorld w = new CertificatesWorld(factory, TestKeys.rsa(dir, "CN=广东省人社厅, C=CN",
                Instant.parse("2026-11-22T08:00:00Z")), true)) {
            byte[] photo = CertificateLayoutTest.photo();
            Application pending = w.application(w.applicant, photo, false);
            assertEquals("not-yet-issuable", code(() -> w.certificates.issue(w.issuer, pending.id(), null)));
            Application approved = w.reviews.act(w.reviewer, pending.currentStep().orElseThrow().taskId(),
                    org.zhicheng.api.business.descriptor.ReviewAction.APPROVE, "同意", null, null);
            assertEquals(403, assertThrows(RefusedException.class,
                    () -> w.certificates.issue(w.reviewer, approved.id(), null)).status(), "reviewers do not issue");

            Certificates.Issued issued = w.certificates.issue(w.issuer, approved.id(), "127.0.0.1");
            assertEquals("GD202600000001", issued.number(), "{province}{year}{seq:8}");
            Map<String, String> fields = issued.fields().stream()
                    .collect(Collectors.toMap(Certificates.Field::key, Certificates.Field::value));
            assertEquals("张三", fields.get("name"));
            assertEquals(CertificatesWorld.ID_NUMBER, fields.get("idNumber"));
            assertEquals("主任医师", fields.get("titleName"), "a choice by its label");
            assertEquals("正高级", fields.get("level"));
            assertEquals("评审", fields.get("howObtained"));
            assertEquals("2026年11月22日", fields.get("issueDate"));
            assertEquals("https://zc.example.gov.cn/verify/GD202600000001", fields.get("queryUrl"));
            assertEquals(issued, w.certificates.issue(w.issuer, approved.id(), null), "issuing again returns it");

            byte[] pdf = w.certificates.pdf(w.applicant, issued.number());
            SignatureCheck.Result check = new SignatureCheck(List.of(w.key.certificate())).check(pdf);
            assertEquals(SignatureCheck.Status.VALID, check.status());
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
                assertTrue(text.contains("广东省职称证书") && text.contains("GD202600000001") && text.contains("主任医师"),
                        text);
            }
            assertArrayEquals(photo, frozenPhoto(w, issued.number()), "GD-CERT-3: the photo as uploaded, frozen");
            Certificates.FileCheck genuine = w.certificates.check(pdf);
            assertEquals("valid", genuine.outcome(), genuine.en());
            assertEquals(issued.number(), genuine.certificate().number());
            byte[] altered = pdf.clone();
            altered[altered.length / 3] ^= 1;
            assertTrue(List.of("invalid-signature", "damaged").contains(w.certificates.check(altered).outcome()));
            byte[] other = new org.zhicheng.certificates.internal.signature.PdfSigner(w.key).sign(
                    CertificateLayoutTest.photoPdf(), "x", "x", "x", Instant.now());
            assertEquals("not-on-record", w.certificates.check(other).outcome(), "our signature, but no such record");
            assertEquals("damaged", w.certificates.check(new byte[] {1, 2, 3}).outcome());
            assertEquals(List.of(issued), w.certificates.mine(w.applicant));
            assertEquals(List.of(), w.certificates.mine(w.otherApplicant));
            assertEquals(404, assertThrows(RefusedException.class,
                    () -> w.certificates.pdf(w.otherApplicant, issued.number())).status());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void anyoneVerifiesByNumberWithTheHolderMaskedAndSeesAReissueAndARevocation(TestDatabases.Factory factory)
            throws Exception {
        try (CertificatesWorld w = new CertificatesWorld(factory, TestKeys.rsa(dir, "CN=Issuer, C=CN",
                Instant.parse("2026-11-22T08:00:00Z")), true)) {
            Application approved = w.application(w.applicant, CertificateLayoutTest.photo(), true);
            Certificates.Issued issued = w.certificates.issue(w.issuer, approved.id(), null);
            Certificates.Verification seen = w.certificates.verify(issued.number()).orElseThrow();
            Function<Certificates.Verification, Map<String, String>> byKey = v -> v.fields().stream()
                    .collect(Collectors.toMap(Certificates.Field::key, Certificates.Field::value));
            assertEquals("张*", byKey.apply(seen).get("name"), "GD-CERT-2: masked for anyone");
            assertEquals("440106********001X", byKey.apply(seen).get("idNumber"));
            assertEquals("主任医师", byKey.apply(seen).get("titleName"));
            assertEquals(Certificates.Status.VALID, seen.status());
            assertTrue(w.certificates.verify("GD209900000001").isEmpty());
            assertTrue(w.certificates.verify("x".repeat(200)).isEmpty());

            assertEquals("reason-required", code(() -> w.certificates.reissue(w.issuer, issued.number(), null,
                    null)));
            Certificates.Issued reissued = w.certificates.reissue(w.issuer, issued.number(), "证书遗失，补发电子证书", null);
            assertEquals("GD202600000002", reissued.number(), "a new number");
            Certificates.Verification old = w.certificates.verify(issued.number()).orElseThrow();
            assertEquals(Certificates.Status.SUPERSEDED, old.status());
            assertEquals(reissued.number(), old.supersededBy(), "the old number sends a checker on");
            assertEquals(List.of(reissued.number(), issued.number()), w.certificates.mine(w.applicant).stream()
                    .map(Certificates.Issued::number).toList(), "newest first");
            assertEquals("not-valid", code(() -> w.certificates.reissue(w.issuer, issued.number(), "再补", null)));
            assertEquals(reissued, w.certificates.issue(w.issuer, approved.id(), null), "the valid one now");

            assertEquals("reason-required", code(() -> w.certificates.revoke(w.issuer, reissued.number(), " ",
                    null)));
            Certificates.Issued revoked = w.certificates.revoke(w.issuer, reissued.number(), "申报材料造假", null);
            assertEquals(Certificates.Status.REVOKED, revoked.status());
            Certificates.Verification after = w.certificates.verify(reissued.number()).orElseThrow();
            assertEquals(Certificates.Status.REVOKED, after.status());
            assertEquals("申报材料造假", after.revokedReason());
            assertEquals("already-revoked", code(() -> w.certificates.revoke(w.issuer, reissued.number(), "再次",
                    null)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void issuersWorkingAtOnceGetUniqueNumbersWithoutGaps(TestDatabases.Factory factory) throws Exception {
        try (CertificatesWorld w = new CertificatesWorld(factory, TestKeys.rsa(dir, "CN=Issuer, C=CN",
                Instant.parse("2026-11-22T08:00:00Z")), true)) {
            List<String> ids = new ArrayList<>();
            byte[] photo = CertificateLayoutTest.photo();
            ids.add(w.application(w.applicant, photo, true).id());
            ids.add(w.application(w.otherApplicant, photo, true).id());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Certificates.Issued>> issued = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    for (String id : ids) {
                        issued.add(pool.submit(() -> w.certificates.issue(w.issuer, id, null)));
                    }
                }
                Set<String> numbers = new TreeSet<>();
                for (Future<Certificates.Issued> f : issued) {
                    numbers.add(f.get().number());
                }
                assertEquals(Set.of("GD202600000001", "GD202600000002"), numbers,
                        "two applications, two numbers, whoever came first; a repeat returns its certificate");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void withoutASigningKeyOrSealNothingIsIssuedAndNoNumberIsUsed(TestDatabases.Factory factory) throws Exception {
        try (CertificatesWorld noKey = new CertificatesWorld(factory, null, true)) {
            Application approved = noKey.application(noKey.applicant, CertificateLayoutTest.photo(), true);
            RefusedException e = assertThrows(RefusedException.class,
                    () -> noKey.certificates.issue(noKey.issuer, approved.id(), null));
            assertEquals(503, e.status());
            assertEquals("signing-not-configured", e.code());
            assertFalse(noKey.certificates.verify("GD202600000001").isPresent());
        }
        try (CertificatesWorld noSeal = new CertificatesWorld(factory, TestKeys.rsa(dir, "CN=Issuer, C=CN",
                Instant.parse("2026-11-22T08:00:00Z")), false)) {
            Application approved = noSeal.application(noSeal.applicant, CertificateLayoutTest.photo(), true);
            assertEquals("seal-not-configured", code(() -> noSeal.certificates.issue(noSeal.issuer, approved.id(),
                    null)));
        }
    }

    private static byte[] frozenPhoto(CertificatesWorld w, String number) throws Exception {
        String sha;
        try (Connection c = w.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT photo_sha256 FROM certificate WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                sha = rs.getString(1);
            }
        }
        try (InputStream in = w.blobs.open(sha).orElseThrow()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String code(Runnable call) {
        return assertThrows(RefusedException.class, call::run).code();
    }
}
