package org.zhicheng.media.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs written with PDFBox for the tests: good ones, and bad ones PDFBox can express. */
final class SamplePdfs {

    static final PDRectangle A4 = PDRectangle.A4;
    static final PDRectangle A3 = PDRectangle.A3;
    static final PDRectangle A4_LANDSCAPE = new PDRectangle(A4.getHeight(), A4.getWidth());

    private SamplePdfs() {
    }

    /** {@code count} A4 portrait pages, each with a line of text. */
    static byte[] a4(int count) {
        return pages(new PDRectangle[count], doc -> { });
    }

    /** One page per size (null = A4), each with a line of text, then whatever {@code change} does. */
    static byte[] pages(PDRectangle[] sizes, Consumer<PDDocument> change) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < sizes.length; i++) {
                PDPage page = new PDPage(sizes[i] == null ? A4 : sizes[i]);
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(font, 14);
                    text.newLineAtOffset(72, page.getMediaBox().getHeight() - 72);
                    text.showText("Evidence page " + (i + 1) + " - Zhicheng PDF inspection test");
                    text.endText();
                    text.addRect(72, 72, page.getMediaBox().getWidth() - 144, 200);
                    text.stroke();
                }
            }
            change.accept(doc);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4 pages, then {@code change}. */
    static byte[] a4(int count, Consumer<PDDocument> change) {
        return pages(new PDRectangle[count], change);
    }

    static byte[] save(PDDocument doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PDComplexFileSpecification attachment(PDDocument doc) {
        try {
            PDEmbeddedFile file = new PDEmbeddedFile(doc,
                    new ByteArrayInputStream("MZ not really a program".getBytes(StandardCharsets.US_ASCII)));
            file.setSubtype("application/octet-stream");
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("setup.exe");
            spec.setEmbeddedFile(file);
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
