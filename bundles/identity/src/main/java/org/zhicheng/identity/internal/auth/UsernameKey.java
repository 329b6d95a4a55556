package org.zhicheng.identity.internal.auth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalised form of a username: NFKC (full-width letters and digits become ASCII), trimmed, lower case.
 * Accounts are unique by it, and failed logins count against it, so {@code Admin}, {@code admin} and
 * {@code ａｄｍｉｎ} are one account with one failure counter.
 */
public final class UsernameKey {

    private UsernameKey() {
    }

    public static String of(String username) {
        return username == null ? "" : Normalizer.normalize(username, Normalizer.Form.NFKC).strip()
                .toLowerCase(Locale.ROOT);
    }
}
