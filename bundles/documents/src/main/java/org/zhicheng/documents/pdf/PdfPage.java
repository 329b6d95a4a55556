package org.zhicheng.documents.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A page of a {@link PdfComposer}: text, wrapped paragraphs, boxes and lines, images, barcodes and QR codes, placed
 * in points from the page's top-left corner. Barcodes and QR codes are drawn as vector rectangles, so they print
 * sharp at any resolution and cost no image. What is placed is recorded and drawn when the document is written.
 */
public final class PdfPage {

    /** Bold is the regular face drawn with an outline: one font file serves both. */
    private static final float BOLD_STROKE = 0.035f;

    private final PdfComposer composer;
    private final PDPage page;
    private final PaperSize size;
    private final boolean landscape;
    private final List<Drawing> drawings = new ArrayList<>();

    /** One recorded drawing operation, replayed with the document's subsetted font. */
    @FunctionalInterface
    interface Drawing {
        void draw(PDPageContentStream stream, PDType0Font font) throws IOException;
    }

    PdfPage(PdfComposer composer, PDPage page, PaperSize size, boolean landscape) {
        this.composer = composer;
        this.page = page;
        this.size = size;
        this.landscape = landscape;
    }

    public float width() {
        return page.getMediaBox().getWidth();
    }

    public float height() {
        return page.getMediaBox().getHeight();
    }

    public PaperSize paperSize() {
        return size;
    }

    public boolean landscape() {
        return landscape;
    }

    /** One line of text whose baseline is {@code baseline} points below the page's top. */
    public void text(String text, float left, float baseline, float fontSize, boolean bold) {
        drawLine(composer.printable(text), left, baseline, fontSize, bold);
    }

    /**
     * Text wrapped to the box's width from its top, {@code leading} times the font size apart; lines below the box
     * are not drawn.
     *
     * @return the height all the lines need, so that a caller can see the text did not fit and shrink it
     */
    public float paragraph(String text, Box box, float fontSize, float leading, Align align, boolean bold) {
        List<String> lines = composer.wrap(text, box.width(), fontSize);
        float step = fontSize * leading;
        float needed = lines.size() * step;
        for (int i = 0; i < lines.size(); i++) {
            float baseline = box.top() + i * step + fontSize * 0.88f + (step - fontSize) / 2;
            if (baseline > box.bottom() + 0.01f) {
                break;
            }
            drawAligned(lines.get(i), box, baseline, fontSize, align, bold);
        }
        return needed;
    }

    /** Wrapped text centred vertically in the box, as in a form's label cells. */
    public float centred(String text, Box box, float fontSize, Align align, boolean bold) {
        float needed = composer.wrap(text, box.width(), fontSize).size() * fontSize * 1.25f;
        float top = box.top() + Math.max(0, (box.height() - needed) / 2);
        return paragraph(text, new Box(box.left(), top, box.width(), box.bottom() - top), fontSize, 1.25f, align, bold);
    }

    /** The outline of a box. */
    public void box(Box box, float lineWidth) {
        float bottom = height() - box.bottom();
        record((s, font) -> {
            s.setLineWidth(lineWidth);
            s.addRect(box.left(), bottom, box.width(), box.height());
            s.stroke();
        });
    }

    /** A straight line between two points. */
    public void line(float x1, float y1, float x2, float y2, float lineWidth) {
        float h = height();
        record((s, font) -> {
            s.setLineWidth(lineWidth);
            s.moveTo(x1, h - y1);
            s.lineTo(x2, h - y2);
            s.stroke();
        });
    }

    /**
     * A JPEG or PNG image scaled to fit the box, keeping its proportions, centred. A JPEG is embedded as it is
     * (no re-encoding), so a photo prints exactly as uploaded.
     */
    public void image(byte[] jpegOrPng, String name, Box box) {
        try {
            image(PDImageXObject.createFromByteArray(composer.document(), jpegOrPng, name), box);
        } catch (IOException e) {
            throw new UncheckedIOException("the image " + name + " cannot be embedded", e);
        }
    }

    /** An image compressed once for many documents (a seal), fitted to the box. */
    public void image(PreparedImage image, Box box) {
        image(image.in(composer.document()), box);
    }

    /** An image already made for this document, fitted to the box. */
    public void image(PDImageXObject image, Box box) {
        float scale = Math.min(box.width() / image.getWidth(), box.height() / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        float bottom = height() - box.top() - (box.height() + h) / 2;
        record((s, font) -> s.drawImage(image, box.left() + (box.width() - w) / 2, bottom, w, h));
    }

    /** A Code 128 barcode filling the box's width, with its text below when {@code caption} (FJ-1). */
    public void code128(String value, Box box, boolean caption) {
        BitMatrix bars = new Code128Writer().encode(value, BarcodeFormat.CODE_128, 0, 1);
        float captionSize = caption ? Math.min(10, box.height() * 0.25f) : 0;
        Box barBox = new Box(box.left(), box.top(), box.width(), box.height() - captionSize * 1.3f);
        drawModules(bars, barBox, false);
        if (caption) {
            text(value, box.left() + (box.width() - composer.width(value, captionSize)) / 2, box.bottom() - 1,
                    captionSize, false);
        }
    }

    /** A QR code (error correction M, UTF-8) as large as the box allows, square, centred (GD-CERT-1 query URL). */
    public void qr(String value, Box box) {
        try {
            BitMatrix modules = new QRCodeWriter().encode(value, BarcodeFormat.QR_CODE, 0, 0,
                    java.util.Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 1));
            drawModules(modules, box, true);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the value cannot be a QR code: " + e.getMessage(), e);
        }
    }

    /** Black modules as rectangles, adjacent ones of a row merged into one. */
    private void drawModules(BitMatrix modules, Box box, boolean square) {
        float mw = box.width() / modules.getWidth();
        float mh = square ? mw : box.height() / modules.getHeight();
        if (square) {
            mw = mh = Math.min(box.width() / modules.getWidth(), box.height() / modules.getHeight());
        }
        float left = box.left() + (box.width() - mw * modules.getWidth()) / 2;
        float top = height() - box.top() - (box.height() - mh * modules.getHeight()) / 2;
        float w = mw;
        float h = mh;
        record((s, font) -> {
            s.setNonStrokingColor(0f, 0f, 0f);
            for (int y = 0; y < modules.getHeight(); y++) {
                for (int x = 0; x < modules.getWidth();) {
                    if (!modules.get(x, y)) {
                        x++;
                        continue;
                    }
                    int run = x;
                    while (run < modules.getWidth() && modules.get(run, y)) {
                        run++;
                    }
                    s.addRect(left + x * w, top - (y + 1) * h, (run - x) * w, h);
                    x = run;
                }
            }
            s.fill();
        });
    }

    private void drawAligned(String line, Box box, float baseline, float fontSize, Align align, boolean bold) {
        float w = composer.width(line, fontSize);
        float left = switch (align) {
            case LEFT -> box.left();
            case CENTRE -> box.left() + (box.width() - w) / 2;
            case RIGHT -> box.right() - w;
        };
        drawLine(line, left, baseline, fontSize, bold);
    }

    private void drawLine(String printable, float left, float baseline, float fontSize, boolean bold) {
        composer.note(printable);
        float y = height() - baseline;
        record((s, font) -> {
            s.beginText();
            s.setFont(font, fontSize);
            if (bold) {
                s.setRenderingMode(RenderingMode.FILL_STROKE);
                s.setLineWidth(fontSize * BOLD_STROKE);
            }
            s.newLineAtOffset(left, y);
            s.showText(printable);
            if (bold) {
                s.setRenderingMode(RenderingMode.FILL);
            }
            s.endText();
        });
    }

    void record(Drawing drawing) {
        drawings.add(drawing);
    }

    /** Replays what was placed on the page into its content stream. */
    void draw() throws IOException {
        try (PDPageContentStream s = new PDPageContentStream(composer.document(), page)) {
            PDType0Font font = composer.font();
            for (Drawing d : drawings) {
                d.draw(s, font);
            }
        }
        drawings.clear();
    }
}
