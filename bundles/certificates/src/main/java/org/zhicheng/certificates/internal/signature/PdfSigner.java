package org.zhicheng.certificates.internal.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a finished PDF with a PAdES baseline B-B signature (GD-CERT-1, GD-CERT-2: anyone can verify a certificate):
 * an {@code ETSI.CAdES.detached} signature dictionary appended as an incremental update, whose byte range covers
 * the whole file but the signature itself, and a detached CMS SignedData with the signer's certificate and the ESS
 * signing-certificate-v2 attribute; the claimed signing time is the dictionary's {@code /M}, as PAdES requires,
 * not a CMS attribute. Thread-safe: the key material is immutable and each call builds its own signer.
 */
public final class PdfSigner {

    /** Room for the CMS: a 4096-bit RSA signature with a chain of three certificates fits with margin. */
    private static final int SIGNATURE_SIZE = 16_384;

    private final SigningKey key;
    private final X509CertificateHolder holder;
    private final ESSCertIDv2 certId;

    public PdfSigner(SigningKey key) {
        this.key = key;
        try {
            this.holder = new JcaX509CertificateHolder(key.certificate());
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
            this.certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
                    new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("the signing certificate cannot be encoded", e);
        }
    }

    /**
     * @param pdf the finished document
     * @param reason why it is signed, e.g. 电子职称证书签发
     * @param location where, e.g. the issuer's name
     * @param at the claimed signing time
     * @return the signed document: {@code pdf} followed by the incremental update carrying the signature
     */
    public byte[] sign(byte[] pdf, String name, String reason, String location, Instant at) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(name);
            signature.setReason(reason);
            signature.setLocation(location);
            Calendar time = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"), Locale.ROOT);
            time.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(time);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                document.addSignature(signature, options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 2 + 4096);
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
                external.setSignature(cms(external.getContent()));
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF cannot be signed", e);
        }
    }

    private byte[] cms(InputStream signedRanges) throws IOException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(key.algorithm()).setProvider(Bc.PROVIDER)
                    .build(key.privateKey());
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            JcaSignerInfoGeneratorBuilder info = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build());
            info.setSignedAttributeGenerator(new WithoutSigningTime(new AttributeTable(attributes)));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(info.build(signer, holder));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(signedRanges.readAllBytes()), false).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("the signature cannot be made: " + e.getMessage(), e);
        }
    }

    /** PAdES baseline: the signing time is the signature dictionary's, never a CMS signed attribute. */
    private static final class WithoutSigningTime extends DefaultSignedAttributeTableGenerator {
        WithoutSigningTime(AttributeTable attributes) {
            super(attributes);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable standard = super.createStandardAttributeTable(parameters);
            standard.remove(CMSAttributes.signingTime);
            return standard;
        }
    }
}
