package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * The electronic certificate a business issues when an application passes {@code issueAfter} (GD-CERT-1..3):
 * its fields, photo, number, seal and public verification. The platform generates number and fields, freezes the
 * photo and data at issue, and lets anyone verify the certificate by its number or QR code (GD-CERT-2).
 *
 * @param name the certificate title, e.g. 广东省职称证书 / Guangdong Professional Title Certificate
 * @param issueAfter the step or gate whose passing makes the certificate issuable
 * @param issuer the issuing unit printed on the certificate (GD-CERT-1 发证单位)
 * @param fields the printed fields in order (GD-CERT-1: name, ID number, title, specialty, level, how obtained,
 *     date passed, reviewing organisation, number, issuer, issue date, query URL)
 * @param photoSlot the slot whose current file is copied into the certificate at issue and never changes
 *     afterwards (GD-CERT-3); no photo when {@code null}
 * @param numbering the certificate-number rule
 * @param seal the electronic seal (GD-CERT-1: bottom right); {@code null} for none
 * @param verificationUrl the public verification address printed on the certificate; {@code {number}} is replaced
 *     by the certificate number
 * @param pageSize the paper size; default {@code a4}
 * @param orientation the orientation; default {@code portrait}
 */
public record Certificate(
        BilingualText name,
        String issueAfter,
        BilingualText issuer,
        List<CertificateField> fields,
        String photoSlot,
        Numbering numbering,
        Seal seal,
        String verificationUrl,
        PageSize pageSize,
        Orientation orientation) {

    /** Normalises absent lists and page settings to their defaults. */
    public Certificate {
        fields = Defaults.list(fields);
        pageSize = pageSize == null ? PageSize.A4 : pageSize;
        orientation = orientation == null ? Orientation.PORTRAIT : orientation;
    }
}
