package org.zhicheng.certificates.internal.signature;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signing keys made at test time, in PKCS#12 keystores under a test's temporary directory: never kept anywhere. */
public final class TestKeys {

    public static final char[] PASSWORD = "test-only-keystore".toCharArray();

    private TestKeys() {
    }

    /** An RSA-2048 key with a self-signed certificate valid for a year from {@code now}. */
    public static SigningKey rsa(Path dir, String subject, Instant now) throws Exception {
        return SigningKey.pkcs12(Files.newInputStream(keystore(dir, rsaPair(), subject, "SHA256withRSA", now)),
                PASSWORD, null, Date.from(now));
    }

    /** A key on the SM2 curve with a self-signed SM3withSM2 certificate. */
    public static SigningKey sm2(Path dir, String subject, Instant now) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        return SigningKey.pkcs12(Files.newInputStream(keystore(dir, generator.generateKeyPair(), subject,
                "SM3withSM2", now)), PASSWORD, null, Date.from(now));
    }

    static KeyPair rsaPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Bc.PROVIDER);
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static Path keystore(Path dir, KeyPair pair, String subject, String algorithm, Instant now) throws Exception {
        X500Name name = new X500Name(subject);
        X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                        Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                        pair.getPublic()).build(new JcaContentSignerBuilder(algorithm).setProvider(Bc.PROVIDER)
                                .build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
        store.load(null, null);
        store.setKeyEntry("signing", pair.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
        Path file = Files.createTempFile(dir, "signing", ".p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
