package org.zhicheng.identity.internal.validation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail addresses as people type them into a form: normalised (NFKC, so a full-width ＠ or digits typed with a
 * Chinese input method count) and checked against the WHATWG definition of a valid e-mail address, the one
 * browsers apply to {@code <input type=email>}.
 */
public final class EmailAddress {

    /** WHATWG HTML, "valid e-mail address". */
    private static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$");
    private static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    /** The address as stored: NFKC and trimmed. */
    public static String normalise(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    }

    /** The key addresses are looked up by: normalised and lower-cased. */
    public static String key(String typed) {
        return normalise(typed).toLowerCase(Locale.ROOT);
    }

    /** What is wrong with an address, if anything. */
    public static Optional<Violation> problem(String typed) {
        String address = normalise(typed);
        if (address.isEmpty()) {
            return Optional.of(new Violation("email.required", "请填写电子邮箱。", "Enter an e-mail address."));
        }
        if (address.length() > MAX_LENGTH || !VALID.matcher(address).matches()) {
            return Optional.of(new Violation("email.invalid", "电子邮箱格式不正确，例如 name@example.com。",
                    "The e-mail address is not valid, e.g. name@example.com."));
        }
        return Optional.empty();
    }
}
