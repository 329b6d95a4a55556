package org.zhicheng.workflow.internal.forms;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The resident ID number check of GB 11643-1999 for {@code idNumber} fields (CQ-APP-1, FJ-2), the same rules as
 * the identity bundle's registration check, which is internal to that bundle: 18 characters, a province-level
 * region, a real birth date from 1900-01-01 to today, and the ISO 7064 MOD 11-2 check character.
 */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    /** GB/T 2260 province-level codes, plus Taiwan, Hong Kong, Macao and Taiwan residence permits. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");

    private IdNumbers() {
    }

    /** The number as typed, with full-width characters made ASCII (NFKC), white space removed and x upper-cased. */
    static String normalise(String typed) {
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s\\u200b\\u3000]", "")
                .toUpperCase(Locale.ROOT);
    }

    /** Whether the typed number is a valid resident ID number on the given day. */
    static boolean valid(String typed, LocalDate today) {
        String n = normalise(typed);
        if (!n.matches("\\d{17}[\\dX]") || !PROVINCES.contains(n.substring(0, 2))) {
            return false;
        }
        LocalDate birth = Values.date(n.substring(6, 10) + "-" + n.substring(10, 12) + "-" + n.substring(12, 14));
        if (birth == null || birth.isBefore(EARLIEST_BIRTH_DATE) || birth.isAfter(today)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (n.charAt(i) - '0') * WEIGHTS[i];
        }
        return n.charAt(17) == CHECK_CHARACTERS.charAt(sum % 11);
    }
}
