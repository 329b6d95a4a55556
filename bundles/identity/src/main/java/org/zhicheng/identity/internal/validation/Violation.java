package org.zhicheng.identity.internal.validation;

import java.util.Objects;

/**
 * One broken rule found while validating a value that a person typed, with a message in both languages the
 * platform serves. Shared by the resident ID number (GB 11643, CQ-APP-1, FJ-2, CQ-ORG-5, GD-TITLE-8), the
 * unified social credit code (GB 32100, CQ-ORG-2) and the password policy (CQ-ORG-3).
 *
 * <p>A violation never carries the full value it complains about: messages may be logged and shown to people who
 * may not see, for example, a whole ID number or a password.
 *
 * @param code a stable machine code, {@code <subject>.<rule>} such as {@code id-number.check-digit}; clients and
 *             tests match on it, so it never changes once released
 * @param zh   the message in simplified Chinese, precise enough that the person knows what to fix
 * @param en   the same message in English
 */
public record Violation(String code, String zh, String en) {

    /** Refuses blank parts, so that no caller shows an empty message. */
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        if (code.isBlank() || zh.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("a violation needs a code and a message in both languages");
        }
    }
}
