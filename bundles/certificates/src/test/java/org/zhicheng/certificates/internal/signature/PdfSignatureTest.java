package org.zhicheng.certificates.internal.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Electronic certificates carry a PAdES signature anyone can check (GD-CERT-1, GD-CERT-2): RSA signatures that
 * poppler's {@code pdfsig} validates on its own, SM2/SM3 signatures, and every way a copy can be wrong: altered,
 * appended to after signing, signed by someone else, not signed, not a PDF. Keys are made here, never kept.
 */
class PdfSignatureTest {

    private static final char[] PASSWORD = TestKeys.PASSWORD;
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anRsaSignatureIsValidHereAndForPopplersPdfsig() throws Exception {
        SigningKey key = rsa("CN=广东省人力资源和社会保障厅, O=Zhicheng test, C=CN");
        byte[] pdf = new PdfSigner(key).sign(document("GD2026000001"), "广东省人力资源和社会保障厅",
                "电子职称证书签发", "广州", NOW);
        SignatureCheck.Result result = new SignatureCheck(List.of(key.certificate())).check(pdf);
        assertEquals(SignatureCheck.Status.VALID, result.status());
        assertTrue(result.signer().contains("广东省人力资源和社会保障厅"), result.signer());
        assertEquals(NOW, result.signedAt());
        try (PDDocument revision = Loader.loadPDF(result.signedRevision())) {
            assertEquals(1, revision.getNumberOfPages(), "the revision the signature covers is the document");
        }
        if (!popplerPresent()) {
            return;
        }
        Path file = Files.write(dir.resolve("signed.pdf"), pdf);
        String pdfsig = run("pdfsig", file.toString());
        assertTrue(pdfsig.contains("Signature Validation: Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("ETSI.CAdES.detached"), "a PAdES signature: " + pdfsig);
        assertTrue(pdfsig.contains("Total document signed"), "it covers the whole file: " + pdfsig);
    }

    @Test
    void anSm2SignatureIsValid() throws Exception {
        SigningKey key = sm2("CN=SM2 issuer, O=Zhicheng test, C=CN");
        assertEquals("SM3withSM2", key.algorithm());
        byte[] pdf = new PdfSigner(key).sign(document("GD2026000002"), "SM2", "电子职称证书签发", "广州", NOW);
        SignatureCheck.Result result = new SignatureCheck(List.of(key.certificate())).check(pdf);
        assertEquals(SignatureCheck.Status.VALID, result.status(), "Bouncy Castle verifies SM3withSM2");
        // poppler's NSS has no SM2: it cannot validate this signature, which is why the service checks it itself.
    }

    @Test
    void editedCopiesAreCaught() throws Exception {
        SigningKey key = rsa("CN=Issuer, O=Zhicheng test, C=CN");
        SignatureCheck check = new SignatureCheck(List.of(key.certificate()));
        byte[] signed = new PdfSigner(key).sign(document("GD2026000003"), "Issuer", "签发", "广州", NOW);

        byte[] altered = signed.clone();
        int at = indexOf(altered, "GD2026000003".getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "the number is in the content stream, uncompressed");
        altered[at + 11] = '9';
        assertEquals(SignatureCheck.Status.INVALID_SIGNATURE, check.check(altered).status(), "a changed digit");

        byte[] appended;
        try (PDDocument document = Loader.loadPDF(signed)) {
            document.getDocumentInformation().setTitle("已修改");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            appended = out.toByteArray();
        }
        assertTrue(appended.length > signed.length);
        assertEquals(SignatureCheck.Status.MODIFIED_AFTER_SIGNING, check.check(appended).status());

        SigningKey other = rsa("CN=Someone else, O=Elsewhere, C=CN");
        byte[] foreign = new PdfSigner(other).sign(document("GD2026000004"), "Someone", "签发", "外地", NOW);
        assertEquals(SignatureCheck.Status.UNTRUSTED_SIGNER, check.check(foreign).status());

        assertEquals(SignatureCheck.Status.NOT_SIGNED, check.check(document("GD2026000005")).status());
        assertEquals(SignatureCheck.Status.DAMAGED, check.check("not a pdf".getBytes(StandardCharsets.UTF_8))
                .status());
        assertEquals(SignatureCheck.Status.DAMAGED, check.check(java.util.Arrays.copyOf(signed, 100)).status(),
                "a truncated file");
        // Cut elsewhere, the lenient parser may find the document as it was before signing: never valid either.
        for (int length : new int[] {signed.length / 2, signed.length - 200, signed.length - 1}) {
            SignatureCheck.Status status = check.check(java.util.Arrays.copyOf(signed, length)).status();
            assertTrue(status == SignatureCheck.Status.DAMAGED || status == SignatureCheck.Status.NOT_SIGNED,
                    length + " bytes: " + status);
        }
        assertEquals(SignatureCheck.Status.DAMAGED, check.check(new byte[0]).status());
    }

    @Test
    void compressionBombsAreRefusedBeforeTheyExpand() throws Exception {
        SignatureCheck check = new SignatureCheck(List.of(rsa("CN=Issuer, C=CN").certificate()));
        assertEquals(SignatureCheck.Status.DAMAGED, check.check(HostilePdfs.objectStreamBomb(70)).status());
        assertEquals(SignatureCheck.Status.DAMAGED, check.check(HostilePdfs.xrefStreamBomb(70)).status());
        assertEquals(SignatureCheck.Status.NOT_SIGNED, check.check(HostilePdfs.xrefStreamBomb(1)).status(),
                "a small one is read, and simply not signed");
    }

    @Test
    void aWrongKeystorePasswordIsSaidPlainly() throws Exception {
        Path keystore = TestKeys.keystore(dir, TestKeys.rsaPair(), "CN=Issuer", "SHA256withRSA", NOW);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SigningKey.pkcs12(
                Files.newInputStream(keystore), "wrong".toCharArray(), null, Date.from(NOW)));
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
        IllegalArgumentException expired = assertThrows(IllegalArgumentException.class, () -> SigningKey.pkcs12(
                Files.newInputStream(keystore), PASSWORD, null, Date.from(NOW.plus(3650, ChronoUnit.DAYS))));
        assertTrue(expired.getMessage().contains("not valid now"), expired.getMessage());
    }

    @Test
    void fourThreadsSignAtOnceWithOneSigner() throws Exception {
        SigningKey key = rsa("CN=Issuer, O=Zhicheng test, C=CN");
        PdfSigner signer = new PdfSigner(key);
        SignatureCheck check = new SignatureCheck(List.of(key.certificate()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> signed = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] pdf = document("GD20260001" + i);
                signed.add(pool.submit(() -> signer.sign(pdf, "Issuer", "签发", "广州", NOW)));
            }
            for (Future<byte[]> f : signed) {
                assertEquals(SignatureCheck.Status.VALID, check.check(f.get(60, TimeUnit.SECONDS)).status());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A one-page PDF with the number in an uncompressed content stream. */
    private static byte[] document(String number) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    false)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                s.newLineAtOffset(72, 700);
                s.showText("Certificate " + number);
                s.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private SigningKey rsa(String subject) throws Exception {
        return TestKeys.rsa(dir, subject, NOW);
    }

    private SigningKey sm2(String subject) throws Exception {
        return TestKeys.sm2(dir, subject, NOW);
    }

    /**
     * Poppler's {@code pdfsig} (Debian package poppler-utils) is the independent validator: required under CI=true
     * (.ci/run installs it), otherwise its check is skipped with a message.
     */
    private static boolean popplerPresent() {
        if (Files.isExecutable(Path.of("/usr/bin/pdfsig"))) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("pdfsig is required under CI=true (apt-get install poppler-utils)");
        }
        System.err.println("SKIPPED: the independent signature check needs /usr/bin/pdfsig (poppler-utils)");
        return false;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "pdfsig finished");
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
