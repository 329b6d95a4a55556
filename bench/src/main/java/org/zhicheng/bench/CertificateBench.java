package org.zhicheng.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.zhicheng.certificates.internal.layout.CertificateLayout;
import org.zhicheng.certificates.internal.signature.PdfSigner;
import org.zhicheng.certificates.internal.signature.SigningKey;
import org.zhicheng.documents.pdf.CjkFont;
import org.zhicheng.documents.pdf.PreparedImage;

/**
 * P5, GD-CERT-1..3: an electronic certificate laid out (12 fields, the photo, the QR code, the seal compressed once)
 * and signed with RSA-2048 (PAdES B-B), and each half alone. Targets: signed certificate ≤ 15 ms end to end and
 * ≥ 80 per second on 2 cores (run with {@code -t 2} for the throughput).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CertificateBench {

    private CertificateLayout layout;
    private PdfSigner signer;
    private CertificateLayout.Content content;
    private byte[] unsigned;

    @Setup
    public void prepare() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        X500Name name = new X500Name("CN=Benchmark issuer, C=CN");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)),
                name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        signer = new PdfSigner(new SigningKey(pair.getPrivate(), List.of(certificate), "SHA256withRSA"));
        layout = new CertificateLayout(CjkFont.bundled(), PreparedImage.of(image(300, 300, true)));
        List<CertificateLayout.Line> fields = new ArrayList<>();
        String[][] lines = {{"姓名", "张三"}, {"身份证号", "44010619850101001X"}, {"职称名称", "主任医师"},
            {"专业", "心血管内科"}, {"级别", "正高级"}, {"取得方式", "评审"}, {"通过时间", "2026年10月30日"},
            {"评审组织", "广东省卫生系列高级专业技术资格评审委员会"}, {"证书编号", "GD202600000001"},
            {"发证单位", "广东省人力资源和社会保障厅"}, {"发证时间", "2026年11月22日"},
            {"查询网址", "https://zc.example.gov.cn/verify/GD202600000001"}};
        for (String[] line : lines) {
            fields.add(new CertificateLayout.Line(line[0], line[1]));
        }
        content = new CertificateLayout.Content("广东省职称证书", "Guangdong Professional Title Certificate", fields,
                image(330, 480, false), "https://zc.example.gov.cn/verify/GD202600000001", "广东省人力资源和社会保障厅",
                "2026年11月22日");
        unsigned = layout.pdf(content);
    }

    private static byte[] image(int width, int height, boolean seal) throws IOException {
        BufferedImage image = new BufferedImage(width, height, seal ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(seal ? new Color(220, 20, 30, 230) : new Color(67, 142, 219));
        if (seal) {
            g.fillOval(20, 20, width - 40, height - 40);
        } else {
            g.fillRect(0, 0, width, height);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, seal ? "png" : "jpg", out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] layoutOnly() {
        return layout.pdf(content);
    }

    @Benchmark
    public byte[] signOnly() {
        return signer.sign(unsigned, "Benchmark issuer", "电子职称证书签发", "广州", Instant.now());
    }

    @Benchmark
    public byte[] signedCertificate() {
        return signer.sign(layout.pdf(content), "Benchmark issuer", "电子职称证书签发", "广州", Instant.now());
    }
}
