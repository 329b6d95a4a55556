package org.zhicheng.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error the API reports as {@code application/problem+json} (RFC 9457), with its text in both languages so
 * that a client can show either whatever the request's language was.
 *
 * @param status the HTTP status
 * @param type a stable identifier of the kind of problem, e.g. {@code business-not-found}
 * @param zh the message in Simplified Chinese
 * @param en the message in English
 * @param errors field-level problems, each with {@code field}, {@code code}, {@code zh} and {@code en}
 */
public record ApiProblem(int status, String type, String zh, String en, List<Map<String, String>> errors) {

    /** The URI prefix of problem types. */
    public static final String TYPE_BASE = "https://zhicheng.org/problems/";

    public ApiProblem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        errors = List.copyOf(errors);
    }

    public ApiProblem(int status, String type, String zh, String en) {
        this(status, type, zh, en, List.of());
    }

    /** The problem document, its {@code title} in the preferred language. */
    public Map<String, Object> toJson(boolean english) {
        return Map.of(
                "type", TYPE_BASE + type,
                "title", english ? en : zh,
                "status", status,
                "messages", Map.of("zh-CN", zh, "en", en),
                "errors", errors);
    }
}
