package org.zhicheng.certificates.internal.signature;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.zhicheng.documents.pdf.CompressedStreams;

/**
 * Checks the signature of an uploaded certificate PDF (GD-CERT-2: an edited copy is caught): that it is signed,
 * that the CMS signature matches the signed bytes, that those bytes are the whole file but the signature (anything
 * appended afterwards is an edit), and that the signer is one of the deployment's signing certificates or issued by
 * one. It never throws on hostile input: what cannot be read is {@link Status#DAMAGED}, within a memory bound.
 */
public final class SignatureCheck {

    /** What the check found. */
    public enum Status {
        VALID("签名有效，文件自签发后未被改动。", "The signature is valid and the file is unchanged since it was signed."),
        NOT_SIGNED("文件没有电子签名，不是本系统签发的证书。", "The file carries no signature; it is not a certificate issued here."),
        INVALID_SIGNATURE("签名与文件内容不符，文件已被篡改。", "The signature does not match the content: the file was altered."),
        MODIFIED_AFTER_SIGNING("文件在签名之后又被修改过。", "The file was changed after it was signed."),
        UNTRUSTED_SIGNER("签名者不是本系统的签发机构。", "The signer is not an issuer of this system."),
        DAMAGED("文件已损坏或不是 PDF，无法核验。", "The file is damaged or not a PDF and cannot be checked.");

        private final String zh;
        private final String en;

        Status(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /**
     * @param status what was found
     * @param signer the signer's subject, when there is a signature
     * @param signedAt the claimed signing time, when there is one
     * @param algorithm the signature algorithm, e.g. SHA256WITHRSA
     * @param signedRevision the bytes the signature covers (the document as signed), when it is {@code VALID}
     */
    public record Result(Status status, String signer, Instant signedAt, String algorithm, byte[] signedRevision) {
    }

    /** PDFs are parsed with at most this much memory; larger ones are DAMAGED for this purpose. */
    private static final long MEMORY = 32L * 1024 * 1024;

    /** All compressed streams together may expand to this many times {@link #MEMORY} (a bound on the work). */
    private static final int TOTAL_EXPANSION = 16;

    private final List<X509Certificate> trusted;

    /** @param trusted the deployment's signing certificates (and the roots that issued them) */
    public SignatureCheck(List<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    public Result check(byte[] pdf) {
        // PDFBox inflates object and cross-reference streams wholly in memory, outside its bounded stream cache: a
        // few hundred KB uploaded to the public check could expand to gigabytes. Measured first, as for uploads.
        if (CompressedStreams.scanRaw(pdf, MEMORY, MEMORY * TOTAL_EXPANSION) != CompressedStreams.Raw.WITHIN_BOUNDS) {
            return new Result(Status.DAMAGED, null, null, null, null);
        }
        try {
            RandomAccessStreamCache.StreamCacheCreateFunction cache = MemoryUsageSetting.setupMainMemoryOnly(MEMORY)
                    .streamCache;
            try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null, cache)) {
                if (document.isEncrypted()
                        || !CompressedStreams.objectStreamsWithinBounds(document.getDocument(), MEMORY)) {
                    return new Result(Status.DAMAGED, null, null, null, null);
                }
                List<PDSignature> signatures = document.getSignatureDictionaries();
                if (signatures.isEmpty()) {
                    return new Result(Status.NOT_SIGNED, null, null, null, null);
                }
                // The last signature covers the most; an update after it is what an edit looks like.
                return check(pdf, signatures.get(signatures.size() - 1));
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new Result(Status.DAMAGED, null, null, null, null);
        }
    }

    private Result check(byte[] pdf, PDSignature signature) throws IOException {
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1]
                || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
            return new Result(Status.DAMAGED, null, null, null, null);
        }
        Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Result(Status.INVALID_SIGNATURE, null, signedAt, null, null);
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new Result(Status.INVALID_SIGNATURE, null, signedAt, null, null);
            }
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER)
                    .getCertificate(matches.iterator().next());
            String subject = certificate.getSubjectX500Principal().getName();
            String algorithm = certificate.getSigAlgName();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(certificate))) {
                return new Result(Status.INVALID_SIGNATURE, subject, signedAt, algorithm, null);
            }
            if ((long) range[2] + range[3] != pdf.length) {
                return new Result(Status.MODIFIED_AFTER_SIGNING, subject, signedAt, algorithm, null);
            }
            if (!trusted(certificate)) {
                return new Result(Status.UNTRUSTED_SIGNER, subject, signedAt, algorithm, null);
            }
            return new Result(Status.VALID, subject, signedAt, algorithm, Arrays.copyOf(pdf, range[2] + range[3]));
        } catch (org.bouncycastle.cms.CMSException | org.bouncycastle.operator.OperatorCreationException
                | CertificateException e) {
            // A digest mismatch is how an altered signed byte shows.
            return new Result(Status.INVALID_SIGNATURE, null, signedAt, null, null);
        }
    }

    /** One of the trusted certificates, or issued (signed) by one of them. */
    private boolean trusted(X509Certificate certificate) {
        for (X509Certificate t : trusted) {
            if (t.equals(certificate)) {
                return true;
            }
            if (t.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    PublicKey issuerKey = t.getPublicKey();
                    certificate.verify(issuerKey, Bc.PROVIDER);
                    return true;
                } catch (java.security.GeneralSecurityException e) {
                    // not this issuer
                }
            }
        }
        return false;
    }
}
