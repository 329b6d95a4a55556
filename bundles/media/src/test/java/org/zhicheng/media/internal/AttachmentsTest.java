package org.zhicheng.media.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.RefusedException;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.media.Attachments.Download;
import org.zhicheng.api.media.Attachments.Upload;
import org.zhicheng.api.media.Attachments.Variant;
import org.zhicheng.api.media.MediaException;
import org.zhicheng.api.media.StoredFile;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.persistence.internal.TestDatabases;

/** Uploads into application slots on the real workflow and blob store, on H2 and PostgreSQL. */
class AttachmentsTest {

    private static final String IP = "10.0.0.9";

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aSubmissionNeedsItsUploadsAndFreezesThem(TestDatabases.Factory factory) throws Exception {
        try (MediaWorld w = new MediaWorld(factory)) {
            Application draft = draft(w);

            // FJ-3 / CQ-APP-4 / GD-PHOTO-2: submitting without the required files names each missing one.
            RefusedException missing = assertThrows(RefusedException.class,
                    () -> w.applications.submit(w.applicant, draft.id(), draft.version(), IP));
            assertEquals(List.of("files.photo", "achievements[1].files.achievementEvidence"),
                    paths(missing.problems(), "upload-required"));

            // GD-PHOTO-2: stored under the applicant's ID number, whatever the file was called.
            StoredFile red = upload(w, w.applicant, draft.id(), "photo", null, "我的照片.JPG",
                    MediaWorld.photo(new Color(200, 30, 30)));
            assertEquals(MediaWorld.ID_NUMBER + ".jpg", red.fileName());
            assertEquals("我的照片.JPG", red.originalName());
            assertEquals("image/jpeg", red.mediaType());
            assertEquals(330, red.width());
            assertEquals(480, red.height());

            // GD-CERT-3: a new photo replaces the old one, whose blobs go with it.
            StoredFile blue = upload(w, w.applicant, draft.id(), "photo", null, "blue.jpg",
                    MediaWorld.photo(new Color(67, 142, 219)));
            assertEquals(List.of(blue.id()), w.attachments.list(w.applicant, draft.id()).files().stream()
                    .map(StoredFile::id).toList());
            assertFalse(w.blobs.stat(red.sha256()).isPresent(), "the replaced photo's bytes are gone");

            StoredFile evidence = upload(w, w.applicant, draft.id(), "achievementEvidence", "r1", "业绩.pdf",
                    MediaWorld.pdf(2, PDRectangle.A4));
            assertEquals(2, evidence.pages());
            assertEquals("r1", evidence.rowId());

            Application submitted = w.applications.submit(w.applicant, draft.id(), draft.version(), IP);
            assertEquals(ApplicationStatus.IN_REVIEW, submitted.status());

            // Submitted data is read-only: no upload, no delete.
            RefusedException frozen = assertThrows(RefusedException.class, () -> upload(w, w.applicant, draft.id(),
                    "photo", null, "late.jpg", MediaWorld.photo(Color.BLUE)));
            assertEquals(409, frozen.status());
            assertEquals("not-editable", frozen.code());
            assertEquals("not-editable", assertThrows(RefusedException.class,
                    () -> w.attachments.delete(w.applicant, draft.id(), "photo", blue.id(), IP)).code());
            assertEquals(2, w.attachments.list(w.applicant, draft.id()).files().size());
            assertTrue(w.audit.find(new org.zhicheng.api.audit.AuditQuery(null, null, "media.upload", null, null,
                    null, null, 0, 100)).size() >= 3, "every upload is audited");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void badFilesAreRefusedWithTheReasonAndNothingIsStored(TestDatabases.Factory factory) throws Exception {
        try (MediaWorld w = new MediaWorld(factory)) {
            String id = draft(w).id();
            byte[] photo = MediaWorld.photo(new Color(200, 30, 30));
            Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
            bad.put("file-empty", new byte[0]);
            bad.put("file-type", png(330, 480));
            bad.put("file-polyglot", withZipAppended(photo));
            bad.put("image-background", MediaWorld.photo(Color.WHITE));
            for (Map.Entry<String, byte[]> file : bad.entrySet()) {
                MediaException refused = assertThrows(MediaException.class,
                        () -> upload(w, w.applicant, id, "photo", null, "photo.jpg", file.getValue()), file.getKey());
                assertEquals(400, refused.status(), file.getKey());
                assertEquals(file.getKey(), refused.problems().get(0).code());
                assertEquals("files.photo", refused.problems().get(0).path());
                assertFalse(refused.problems().get(0).zh().isBlank());
                assertFalse(refused.problems().get(0).en().isBlank());
            }
            MediaException gif = assertThrows(MediaException.class,
                    () -> upload(w, w.applicant, id, "photo", null, "photo.jpg", gif()));
            assertTrue(gif.problems().get(0).zh().contains("GIF"), gif.problems().get(0).zh());
            assertTrue(gif.problems().get(0).en().contains("GIF"), gif.problems().get(0).en());

            // Past the slot's 50 KB: refused from the declared length, and while reading when it lies.
            byte[] big = new byte[51200 + 1];
            MediaException declared = assertThrows(MediaException.class, () -> w.attachments.upload(w.applicant, id,
                    new Upload("photo", null, "big.jpg", big.length, new ByteArrayInputStream(big), null), IP));
            assertEquals(413, declared.status());
            assertEquals("file-too-large", declared.code());
            MediaException lying = assertThrows(MediaException.class, () -> w.attachments.upload(w.applicant, id,
                    new Upload("photo", null, "big.jpg", 10, new ByteArrayInputStream(big), null), IP));
            assertEquals(413, lying.status());

            MediaException a3 = assertThrows(MediaException.class, () -> upload(w, w.applicant, id,
                    "achievementEvidence", "r1", "a3.pdf", MediaWorld.pdf(1, PDRectangle.A3)));
            assertEquals("pdf-page-size", a3.problems().get(0).code());
            // CQ-APP-4: a row's slot is there only once the row is saved.
            MediaException unsaved = assertThrows(MediaException.class, () -> upload(w, w.applicant, id,
                    "achievementEvidence", "r9", "a4.pdf", MediaWorld.pdf(1, PDRectangle.A4)));
            assertEquals("row-not-saved", unsaved.code());
            assertEquals("slot-not-found", assertThrows(MediaException.class, () -> upload(w, w.applicant, id,
                    "nonsense", null, "x.jpg", photo)).code());

            // GD-PHOTO-3: after the applicant deadline nothing changes, and the message gives the deadline.
            w.clock.set(java.time.Instant.parse("2026-12-31T09:30:00Z"));
            RefusedException late = assertThrows(RefusedException.class,
                    () -> upload(w, w.applicant, id, "photo", null, "photo.jpg", photo));
            assertEquals(423, late.status());
            assertTrue(late.zh().contains("2026-12-31 17:30"), late.zh());

            assertEquals(0, w.count("application_file"));
            assertEquals(0, w.count("blob"), "nothing of a refused file is stored");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void slotsQuotaAndDeletion(TestDatabases.Factory factory) throws Exception {
        try (MediaWorld w = new MediaWorld(factory)) {
            String id = draft(w).id();
            StoredFile front = upload(w, w.applicant, id, "idCard", null, "正面.png", noisePng(60, 60));
            StoredFile back = upload(w, w.applicant, id, "idCard", null, "正面.png", noisePng(61, 60));
            assertEquals("正面-2.png", back.fileName(), "two files of one slot never share a name");
            MediaException full = assertThrows(MediaException.class,
                    () -> upload(w, w.applicant, id, "idCard", null, "third.png", noisePng(62, 60)));
            assertEquals("slot-full", full.code());

            // CQ-APP-4: the quota counts every file of the application (61440 bytes in this business).
            MediaException quota = assertThrows(MediaException.class, () -> upload(w, w.applicant, id,
                    "achievementEvidence", "r1", "big.pdf", noisyPdf(50_000)));
            assertEquals(413, quota.status());
            assertEquals("quota-exceeded", quota.code());

            w.attachments.delete(w.applicant, id, "idCard", front.id(), IP);
            assertEquals(List.of(back.id()), w.attachments.list(w.applicant, id).files().stream()
                    .map(StoredFile::id).toList());
            assertFalse(w.blobs.stat(front.sha256()).isPresent());
            assertEquals("file-not-found", assertThrows(MediaException.class,
                    () -> w.attachments.delete(w.applicant, id, "idCard", front.id(), IP)).code());

            // CQ-APP-6: deleting the application takes its files along.
            w.applications.delete(w.applicant, id, IP);
            assertEquals(0, w.count("application_file"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void filesAreReachedOnlyThroughTheApplicationAndTheCallersScope(TestDatabases.Factory factory)
            throws Exception {
        try (MediaWorld w = new MediaWorld(factory)) {
            String id = draft(w).id();
            byte[] bytes = MediaWorld.photo(new Color(200, 30, 30));
            StoredFile photo = upload(w, w.applicant, id, "photo", null, "p.jpg", bytes);

            // Another applicant, and a reviewer of another unit, find nothing; a reviewer of the unit reads only.
            assertEquals(404, assertThrows(RefusedException.class,
                    () -> upload(w, w.otherApplicant, id, "photo", null, "p.jpg", bytes)).status());
            assertEquals(404, assertThrows(RefusedException.class,
                    () -> w.attachments.open(w.otherReviewer, id, "photo", photo.id(), Variant.ORIGINAL)).status());
            assertEquals(404, assertThrows(RefusedException.class,
                    () -> w.attachments.list(w.otherApplicant, id)).status());
            assertEquals(403, assertThrows(MediaException.class,
                    () -> upload(w, w.reviewer, id, "photo", null, "p.jpg", bytes)).status());
            assertEquals(404, assertThrows(MediaException.class,
                    () -> w.attachments.open(w.reviewer, id, "photo", "no-such-file", Variant.ORIGINAL)).status());

            Download original = w.attachments.open(w.reviewer, id, "photo", photo.id(), Variant.ORIGINAL);
            assertEquals(MediaWorld.ID_NUMBER + ".jpg", original.fileName());
            assertEquals(photo.sha256(), original.sha256());
            try (InputStream in = original.content().open()) {
                assertArrayEquals(bytes, in.readAllBytes(), "the original bytes are kept as evidence");
            }
            Download preview = w.attachments.open(w.applicant, id, "photo", photo.id(), Variant.PREVIEW);
            assertEquals("image/jpeg", preview.mediaType());
            try (InputStream in = preview.content().open()) {
                BufferedImage decoded = ImageIO.read(in);
                assertNotNull(decoded);
                assertEquals(480, decoded.getHeight());
            }
            Download thumbnail = w.attachments.open(w.applicant, id, "photo", photo.id(), Variant.THUMBNAIL);
            try (InputStream in = thumbnail.content().open()) {
                assertEquals(240, ImageIO.read(in).getHeight());
            }

            // An observer without canDownload sees the list and the preview, never the original.
            assertEquals(1, w.attachments.list(w.watcher, id).files().size());
            assertEquals("image/jpeg", w.attachments.open(w.watcher, id, "photo", photo.id(), Variant.PREVIEW)
                    .mediaType());
            assertEquals("file-not-found", assertThrows(MediaException.class, () -> w.attachments.open(w.applicant,
                    id, "idCard", photo.id(), Variant.PREVIEW)).code(), "a file is reached only under its own slot");
            assertEquals("download-not-allowed", assertThrows(MediaException.class,
                    () -> w.attachments.open(w.watcher, id, "photo", photo.id(), Variant.ORIGINAL)).code());

            // GD-PHOTO-6: the city downloads its units' photos as one zip named by ID number; a unit may not.
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            assertEquals(1, w.attachments.zip(w.city, MediaWorld.BUSINESS, "photo", null, zip));
            List<String> names = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                    names.add(e.getName());
                    assertArrayEquals(bytes, in.readAllBytes());
                }
            }
            assertEquals(List.of(MediaWorld.ID_NUMBER + ".jpg"), names);
            assertEquals(0, w.attachments.zip(w.city, MediaWorld.BUSINESS, "photo", w.otherHospital,
                    new ByteArrayOutputStream()), "another unit of the city has no photos");
            assertEquals(403, assertThrows(MediaException.class, () -> w.attachments.zip(w.reviewer,
                    MediaWorld.BUSINESS, "photo", null, new ByteArrayOutputStream())).status());
        }
    }

    private static Application draft(MediaWorld w) {
        Application created = w.applications.create(w.applicant, MediaWorld.BUSINESS, IP);
        Map<String, Object> answers = Map.of("name", "李娜", "achievements",
                List.of(Map.of("_id", "r1", "achName", "省级科技进步奖")));
        return w.applications.save(w.applicant, created.id(), created.version(), answers, IP);
    }

    private static StoredFile upload(MediaWorld w, Caller caller, String applicationId, String slot, String row,
            String name, byte[] bytes) {
        return w.attachments.upload(caller, applicationId,
                new Upload(slot, row, name, bytes.length, new ByteArrayInputStream(bytes), null), IP);
    }

    private static List<String> paths(List<FieldProblem> problems, String code) {
        return problems.stream().filter(p -> p.code().equals(code)).map(FieldProblem::path).toList();
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A PNG of random pixels, which does not compress: about 3 bytes a pixel. */
    private static byte[] noisePng(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] gif() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "gif", out);
        return out.toByteArray();
    }

    /** An A4 PDF padded with an uncompressed metadata string to about {@code size} bytes. */
    private static byte[] noisyPdf(int size) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage(PDRectangle.A4));
            StringBuilder padding = new StringBuilder();
            Random random = new Random(7);
            while (padding.length() < size) {
                padding.append(Long.toHexString(random.nextLong()));
            }
            document.getDocumentInformation().setSubject(padding.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** The photo with a zip archive appended: a valid JPEG and a valid zip at once. */
    private static byte[] withZipAppended(byte[] photo) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(photo);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.txt"));
            zip.write("hidden".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
