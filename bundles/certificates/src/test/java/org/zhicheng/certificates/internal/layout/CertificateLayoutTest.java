package org.zhicheng.certificates.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhicheng.certificates.internal.signature.PdfSigner;
import org.zhicheng.certificates.internal.signature.SignatureCheck;
import org.zhicheng.certificates.internal.signature.SigningKey;
import org.zhicheng.certificates.internal.signature.TestKeys;
import org.zhicheng.documents.pdf.CjkFont;
import org.zhicheng.documents.pdf.PreparedImage;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * The GD-CERT-1 certificate: every field printed in Chinese and read back, the frozen photo and the seal (with its
 * transparency, compressed once) embedded, the QR code leading to the verification address (GD-CERT-2), one A4
 * sheet; and the signed certificate checks as valid.
 */
public class CertificateLayoutTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final String URL = "https://zc.example.gov.cn/verify/GD202600000001";

    @TempDir
    Path dir;

    @Test
    void theCertificatePrintsEveryFieldThePhotoTheSealAndAQrCodeToItsVerification() throws Exception {
        CertificateLayout layout = new CertificateLayout(CjkFont.bundled(), PreparedImage.of(seal()));
        byte[] pdf = layout.pdf(content());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(595.28f, doc.getPage(0).getMediaBox().getWidth(), 0.5f, "A4");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            for (String printed : List.of("广东省职称证书", "姓名：", "张三", "身份证号：", "44010619850101001X", "职称名称：",
                    "主任医师", "证书编号：", "GD202600000001", "发证单位：", "广东省人力资源和社会保障厅", "2026年11月22日")) {
                assertTrue(text.contains(printed), printed + " in " + text);
            }
            PDResources resources = doc.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                images.add((PDImageXObject) resources.getXObject(name));
            }
            assertEquals(2, images.size(), "the photo and the seal");
            assertTrue(images.stream().anyMatch(i -> i.getCOSObject().getItem(COSName.SMASK) != null),
                    "the seal keeps its transparency");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            BufferedImage corner = page.getSubimage(0, page.getHeight() / 2, page.getWidth() / 2,
                    page.getHeight() / 2);
            assertEquals(URL, new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(corner))), Map.of(DecodeHintType.POSSIBLE_FORMATS,
                            List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true)).getText());
        }
    }

    @Test
    void theSignedCertificateChecksAsValid() throws Exception {
        SigningKey key = TestKeys.rsa(dir, "CN=广东省人力资源和社会保障厅, C=CN", NOW);
        byte[] pdf = new CertificateLayout(CjkFont.bundled(), PreparedImage.of(seal())).pdf(content());
        byte[] signed = new PdfSigner(key).sign(pdf, "广东省人力资源和社会保障厅", "电子职称证书签发", "广州", NOW);
        SignatureCheck.Result result = new SignatureCheck(List.of(key.certificate())).check(signed);
        assertEquals(SignatureCheck.Status.VALID, result.status());
        assertNotNull(result.signedRevision());
    }

    static CertificateLayout.Content content() throws IOException {
        List<CertificateLayout.Line> fields = List.of(new CertificateLayout.Line("姓名", "张三"),
                new CertificateLayout.Line("身份证号", "44010619850101001X"),
                new CertificateLayout.Line("职称名称", "主任医师"), new CertificateLayout.Line("专业", "心血管内科"),
                new CertificateLayout.Line("级别", "正高级"), new CertificateLayout.Line("取得方式", "评审"),
                new CertificateLayout.Line("通过时间", "2026年10月30日"),
                new CertificateLayout.Line("评审组织", "广东省卫生系列高级专业技术资格评审委员会"),
                new CertificateLayout.Line("证书编号", "GD202600000001"),
                new CertificateLayout.Line("发证单位", "广东省人力资源和社会保障厅"),
                new CertificateLayout.Line("发证时间", "2026年11月22日"), new CertificateLayout.Line("查询网址", URL));
        return new CertificateLayout.Content("广东省职称证书", "Guangdong Professional Title Certificate", fields,
                photo(), URL, "广东省人力资源和社会保障厅", "2026年11月22日");
    }

    /** Some other one-page PDF. */
    public static byte[] photoPdf() throws IOException {
        return new CertificateLayout(CjkFont.bundled(), null).pdf(new CertificateLayout.Content("另一份文件", null,
                List.of(), null, URL, "某单位", "2026年1月1日"));
    }

    /** A red round seal on a transparent ground. */
    public static byte[] seal() throws IOException {
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(220, 20, 30, 230));
        g.setStroke(new BasicStroke(12));
        g.drawOval(10, 10, 280, 280);
        g.fillPolygon(new int[] {150, 165, 210, 172, 185, 150, 115, 128, 90, 135},
                new int[] {90, 130, 132, 158, 200, 175, 200, 158, 132, 130}, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    public static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(330, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(67, 142, 219));
        g.fillRect(0, 0, 330, 480);
        g.setColor(new Color(60, 45, 40));
        g.fillOval(115, 110, 100, 130);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
