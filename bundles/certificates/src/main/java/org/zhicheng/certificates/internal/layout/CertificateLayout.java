package org.zhicheng.certificates.internal.layout;

import java.util.List;

import org.zhicheng.documents.pdf.Align;
import org.zhicheng.documents.pdf.Box;
import org.zhicheng.documents.pdf.CjkFont;
import org.zhicheng.documents.pdf.PaperSize;
import org.zhicheng.documents.pdf.PdfComposer;
import org.zhicheng.documents.pdf.PdfPage;
import org.zhicheng.documents.pdf.PreparedImage;

/**
 * The GD-CERT-1 layout of an electronic title certificate on one A4 sheet: a framed page with the title, the holder's
 * frozen photo at the top right, the printed fields in order, a QR code to the public verification address at the
 * bottom left (GD-CERT-2) and the issuer's electronic seal at the bottom right over its name and the issue date.
 */
public final class CertificateLayout {

    /**
     * What a certificate prints, frozen at issue (GD-CERT-3).
     *
     * @param title the certificate's name, e.g. 广东省职称证书
     * @param subtitle a second line under it, e.g. the English name; none when {@code null}
     * @param fields the printed fields, label and value, in order
     * @param photo the holder's photo (JPEG or PNG); none when {@code null}
     * @param verificationUrl the public verification address the QR code carries
     * @param issuer the issuing unit printed under the seal
     * @param issueDate the issue date as printed, e.g. 2026年11月22日
     */
    public record Content(String title, String subtitle, List<Line> fields, byte[] photo, String verificationUrl,
            String issuer, String issueDate) {
        public Content {
            fields = List.copyOf(fields);
        }
    }

    /** A printed field. */
    public record Line(String label, String value) {
    }

    private static final float MARGIN = Box.mm(12);

    private final CjkFont font;
    private final PreparedImage seal;

    /** @param seal the issuer's seal, compressed once for every certificate (a PNG with transparency); null for none */
    public CertificateLayout(CjkFont font, PreparedImage seal) {
        this.font = font;
        this.seal = seal;
    }

    public byte[] pdf(Content content) {
        try (PdfComposer c = new PdfComposer(font)) {
            c.describe(content.title(), content.issuer(), null);
            PdfPage page = c.addPage(PaperSize.A4, false);
            float w = page.width();
            float h = page.height();
            page.box(new Box(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN), 2.5f);
            page.box(new Box(MARGIN + 5, MARGIN + 5, w - 2 * MARGIN - 10, h - 2 * MARGIN - 10), 0.8f);
            page.paragraph(content.title(), new Box(MARGIN, Box.mm(32), w - 2 * MARGIN, 44), 30, 1.3f, Align.CENTRE,
                    true);
            if (content.subtitle() != null) {
                page.paragraph(content.subtitle(), new Box(MARGIN, Box.mm(48), w - 2 * MARGIN, 20), 12, 1.3f,
                        Align.CENTRE, false);
            }
            Box photo = new Box(w - MARGIN - Box.mm(12) - Box.mm(33), Box.mm(66), Box.mm(33), Box.mm(48));
            if (content.photo() != null) {
                page.image(content.photo(), "photo", photo);
            }
            page.box(photo, 0.6f);
            float left = MARGIN + Box.mm(14);
            float labelWidth = Box.mm(36);
            float top = Box.mm(70);
            for (CertificateLayout.Line line : content.fields()) {
                boolean besidePhoto = top < photo.bottom() + 4;
                float valueWidth = (besidePhoto ? photo.left() - 8 : w - MARGIN - Box.mm(14)) - left - labelWidth;
                page.paragraph(line.label() + "：", new Box(left, top, labelWidth, 18), 13, 1.3f, Align.LEFT, true);
                float used = page.paragraph(line.value() == null ? "" : line.value(),
                        new Box(left + labelWidth, top, valueWidth, 200), 13, 1.3f, Align.LEFT, false);
                top += Math.max(Box.mm(10), used + 6);
            }
            float bottom = h - MARGIN - Box.mm(14);
            Box qr = new Box(left, bottom - Box.mm(32), Box.mm(32), Box.mm(32));
            page.qr(content.verificationUrl(), qr);
            page.paragraph("扫码核验 / Scan to verify", new Box(left, qr.bottom() + 2, Box.mm(60), 12), 8, 1.2f,
                    Align.LEFT, false);
            Box sealBox = new Box(w - MARGIN - Box.mm(14) - Box.mm(42), bottom - Box.mm(42), Box.mm(42), Box.mm(42));
            page.paragraph(content.issuer(), new Box(sealBox.left() - Box.mm(20), sealBox.top() + Box.mm(14),
                    sealBox.width() + Box.mm(20), 18), 12, 1.3f, Align.CENTRE, false);
            page.paragraph(content.issueDate(), new Box(sealBox.left() - Box.mm(20), sealBox.top() + Box.mm(22),
                    sealBox.width() + Box.mm(20), 18), 12, 1.3f, Align.CENTRE, false);
            if (seal != null) {
                // The seal is stamped over the issuer and the date, as on paper.
                page.image(seal, sealBox);
            }
            return c.toPdf();
        }
    }
}
