package org.zhicheng.api.certificates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.identity.Caller;

/**
 * Electronic title certificates (GD-CERT-1..5). Issuing needs {@link #ISSUE} and scope over the application; the
 * number comes from the business's numbering rule, unique and without gaps per business and year even when
 * issuers work at once; the printed data and the current photo are frozen at issue and never change afterwards
 * (GD-CERT-3); the PDF is signed with the deployment's key and carries the seal, and a QR code to its public
 * verification. Every issue and revocation is audited.
 */
@ProviderType
public interface Certificates {

    /** The permission to issue and revoke certificates. */
    String ISSUE = "certificate.issue";

    /** Where a certificate stands. */
    enum Status {
        VALID,
        /** Revoked by its issuer, with a date and a reason. */
        REVOKED,
        /** Replaced by a reissued certificate, which it names. */
        SUPERSEDED
    }

    /**
     * A printed field, frozen at issue.
     *
     * @param key the descriptor's field key, e.g. {@code titleName}
     * @param label the printed label, e.g. 职称名称
     * @param value the printed value
     */
    record Field(String key, String label, String value) {
    }

    /**
     * A certificate as its holder or an issuer sees it.
     *
     * @param number the certificate number
     * @param businessId the business
     * @param applicationId the application it was issued from
     * @param holderAccountId the holder's account
     * @param title the certificate's name, e.g. 广东省职称证书
     * @param status where it stands
     * @param fields the printed fields in order
     * @param issuedAt when it was issued
     * @param revokedAt when it was revoked or superseded, or null
     * @param revokedReason why, or null
     * @param supersededBy the number of the certificate reissued in its place, or null
     */
    record Issued(String number, String businessId, String applicationId, String holderAccountId, String title,
            Status status, List<Field> fields, Instant issuedAt, Instant revokedAt, String revokedReason,
            String supersededBy) {
        public Issued {
            fields = List.copyOf(fields);
        }
    }

    /**
     * What anyone may see of a certificate by its number (GD-CERT-2): every field, with the holder's name and ID
     * number masked, and its status: valid, revoked (when, why) or superseded (when, why, by which number).
     */
    record Verification(String number, String title, Status status, List<Field> fields, Instant issuedAt,
            Instant revokedAt, String revokedReason, String supersededBy) {
        public Verification {
            fields = List.copyOf(fields);
        }
    }

    /**
     * Issues the certificate of an application; issuing again returns the certificate already issued.
     *
     * @throws org.zhicheng.api.business.RefusedException 403 without {@link #ISSUE}; 404 not in scope; 409 the
     *     business issues no certificate, the application has not passed the step, or the photo is missing; 503 no
     *     signing key or seal configured, or the ID numbers unavailable
     */
    Issued issue(Caller issuer, String applicationId, String clientIp);

    /** The caller's own certificates, newest first ("my certificates"). */
    List<Issued> mine(Caller holder);

    /**
     * The signed PDF, for its holder or an issuer with scope over its application.
     *
     * @throws org.zhicheng.api.business.RefusedException 404 when there is none the caller may have
     */
    byte[] pdf(Caller caller, String number);

    /**
     * Revokes a certificate; it stays verifiable as revoked, with the date and reason.
     *
     * @throws org.zhicheng.api.business.RefusedException 400 without a reason; 403, 404 as {@link #issue}; 409
     *     when already revoked
     */
    Issued revoke(Caller issuer, String number, String reason, String clientIp);

    /**
     * Reissues a valid certificate from its application as it stands now (corrected data, a new photo), under a new
     * number; the old one becomes superseded and names the new one, so anyone checking the old number is sent on.
     *
     * @throws org.zhicheng.api.business.RefusedException as {@link #issue}; 400 without a reason; 409 when it is not
     *     valid
     */
    Issued reissue(Caller issuer, String number, String reason, String clientIp);

    /** Anyone's view of a certificate by number; empty when there is none. */
    Optional<Verification> verify(String number);

    /**
     * What checking an uploaded certificate file found (GD-CERT-2: an edited copy is caught).
     *
     * @param outcome {@code valid} (signed here, unchanged, and the very file on record), or why not:
     *     {@code not-signed}, {@code invalid-signature}, {@code modified-after-signing}, {@code untrusted-signer},
     *     {@code damaged}, {@code not-on-record} (signed here but no certificate on record is this file)
     * @param zh what that means, in Simplified Chinese
     * @param en what that means, in English
     * @param certificate the certificate on record, as anyone sees it, when the file is one
     */
    record FileCheck(String outcome, String zh, String en, Verification certificate) {
    }

    /**
     * Checks an uploaded certificate PDF: its signature by the deployment's key, that nothing was changed or added
     * after signing, and that it is byte for byte a certificate on record. Never fails on a hostile file.
     *
     * @param pdf the file, bounded by the caller
     */
    FileCheck check(byte[] pdf);
}
