package org.zhicheng.api.business.descriptor;

/**
 * A printed field of a certificate and where its value comes from: exactly one of an answer ({@code field}),
 * platform data ({@code meta}) or a fixed text ({@code text}, e.g. how obtained: 评审 / review) (GD-CERT-1).
 *
 * @param key the field key, unique within the certificate, e.g. {@code titleName}
 * @param label the printed label, e.g. 职称名称 / Title
 * @param field the form field whose answer (a choice answer by its label) is printed
 * @param meta the platform data printed
 * @param text the fixed text printed
 */
public record CertificateField(
        String key, BilingualText label, String field, CertificateMeta meta, BilingualText text) {
}
