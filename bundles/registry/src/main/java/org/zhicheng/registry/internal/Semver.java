package org.zhicheng.registry.internal;

import java.util.Comparator;

/** Orders {@code MAJOR.MINOR.PATCH} versions numerically (1.10.0 after 1.9.0). */
final class Semver {

    static final Comparator<String> ORDER = Semver::compare;

    private Semver() {
    }

    static int compare(String a, String b) {
        String[] x = a.split("[.+-]");
        String[] y = b.split("[.+-]");
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static long part(String[] parts, int i) {
        try {
            return i < parts.length ? Long.parseLong(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
