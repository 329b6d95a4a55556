package org.zhicheng.identity.internal.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.identity.IdentityException;

/**
 * The normalised form of a username: NFKC (full-width letters and digits become ASCII), trimmed, lower case.
 * Accounts are unique by it, and failed logins count against it, so {@code Admin}, {@code admin} and
 * {@code ａｄｍｉｎ} are one account with one failure counter.
 */
public final class UsernameKey {

    private UsernameKey() {
    }

    /** What is wrong with a chosen username, if anything: 3 to 100 letters, digits or . _ @ - (so e-mail-like
     * names such as {@code u0032@gdwsrc.net}, GD-PHOTO-4, fit). */
    public static Optional<FieldProblem> problem(String username) {
        return username != null && username.strip().matches("[\\p{L}\\p{N}._@-]{3,100}") ? Optional.empty()
                : Optional.of(new FieldProblem("username", "account.username", "用户名为3至100个字母、数字或 . _ @ -。",
                        "A username has 3 to 100 letters, digits or . _ @ -."));
    }

    /** Refuses a username whose key an account already holds (409), within the caller's transaction. */
    public static void requireFree(Connection c, String username) throws SQLException {
        if (taken(c, username)) {
            throw new IdentityException(409, "username-taken", "用户名已被使用，请换一个。",
                    "This username is already taken; choose another.");
        }
    }

    /** Whether an account holds this username's key. */
    public static boolean taken(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM account WHERE username_key = ?")) {
            s.setString(1, of(username));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static String of(String username) {
        return username == null ? "" : Normalizer.normalize(username, Normalizer.Form.NFKC).strip()
                .toLowerCase(Locale.ROOT);
    }
}
