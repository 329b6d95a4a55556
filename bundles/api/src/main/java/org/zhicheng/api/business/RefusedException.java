package org.zhicheng.api.business;

import java.util.List;
import java.util.Objects;

/**
 * A platform operation was refused and nothing was changed. Carries what to tell the person, in both languages,
 * an HTTP-like status for the REST layer, and field-level problems. Each service area has its own subclass.
 */
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String zh;
    private final String en;
    private final transient List<FieldProblem> problems;

    /**
     * @param status 400 (bad input), 403 (not allowed), 404 (not found or not in the caller's scope), 409
     *        (conflict), 412 (stale version), 423 (outside a window), 503 (a part is not configured or running)
     * @param code a stable machine-readable code, e.g. {@code weak-password}
     * @param zh the message in Simplified Chinese
     * @param en the message in English
     * @param problems field-level details, e.g. each rule that failed
     */
    public RefusedException(int status, String code, String zh, String en, List<FieldProblem> problems) {
        super(code + ": " + en);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.zh = Objects.requireNonNull(zh, "zh");
        this.en = Objects.requireNonNull(en, "en");
        this.problems = List.copyOf(problems);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
