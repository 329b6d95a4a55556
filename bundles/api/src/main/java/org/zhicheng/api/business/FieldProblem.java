package org.zhicheng.api.business;

import java.util.Objects;

/**
 * A problem with one answer, reported to the applicant in both languages.
 *
 * @param path the field path, e.g. {@code basic.idNumber} or {@code education[2].endDate}
 * @param code a stable machine-readable code, e.g. {@code row-limit} or {@code CQ-APP-3.study-duration}
 * @param zh the message in Simplified Chinese
 * @param en the message in English
 */
public record FieldProblem(String path, String code, String zh, String en) {

    public FieldProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }
}
