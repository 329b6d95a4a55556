package org.zhicheng.notification.internal;

/**
 * Masked forms of recipients for logs and for operators: enough to tell messages apart, not enough to reach the
 * person (GB/T 35273 de-identification; FJ-2 mobile numbers are personal data).
 */
final class Masks {

    private Masks() {
    }

    /** {@code 13800138000} becomes {@code 138****8000}; anything shorter than 7 characters only {@code ****}. */
    static String mobile(String number) {
        if (number == null || number.length() < 7) {
            return "****";
        }
        return number.substring(0, 3) + "****" + number.substring(number.length() - 4);
    }

    /** {@code li.na@example.cn} becomes {@code l***@example.cn}. */
    static String email(String address) {
        if (address == null) {
            return "***";
        }
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /**
     * A stored recipient as operators may see it: e-mail addresses masked; an SMS recipient is stored masked already
     * (or as {@code account:<id>} before its number was looked up), and anything that still looks like a number is
     * masked again.
     */
    static String recipient(String channel, String stored) {
        if ("email".equals(channel)) {
            return email(stored);
        }
        if (stored != null && stored.startsWith(DatabaseOutbox.ACCOUNT_PREFIX)) {
            return stored;
        }
        if (stored != null && stored.matches("\\+?[0-9 -]{7,}")) {
            return mobile(stored.replaceAll("[ -]", ""));
        }
        return stored == null ? "" : stored.contains("****") ? stored : "****";
    }
}
