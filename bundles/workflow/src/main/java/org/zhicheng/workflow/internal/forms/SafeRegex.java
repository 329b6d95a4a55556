package org.zhicheng.workflow.internal.forms;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whole-text regular-expression matching for descriptor patterns ({@code matches} conditions, field
 * {@code pattern}s) that an applicant's input cannot turn into a denial of service: patterns are compiled once
 * and cached, input longer than {@link #MAX_INPUT} characters never matches, and a match that inspects the input
 * more than {@link #MAX_STEPS} times (catastrophic backtracking) is abandoned as not matching.
 */
final class SafeRegex {

    /** The longest text a pattern is tried on. */
    static final int MAX_INPUT = 10_000;

    /** How many character reads one match may make. */
    static final long MAX_STEPS = 1_000_000;

    /** Descriptors are few, so is their set of patterns; the bound only guards against a leak. */
    private static final int CACHE_LIMIT = 1_024;

    private static final Map<String, Optional<Pattern>> CACHE = new ConcurrentHashMap<>();

    private SafeRegex() {
    }

    /**
     * Whether the whole text matches the pattern. A pattern that does not compile never matches (the registry
     * refuses such descriptors, so this only guards against a bug).
     */
    static boolean matches(String regex, String text) {
        if (text.length() > MAX_INPUT) {
            return false;
        }
        Optional<Pattern> pattern = compiled(regex);
        if (pattern.isEmpty()) {
            return false;
        }
        try {
            return pattern.get().matcher(new Budgeted(text, new long[] {MAX_STEPS})).matches();
        } catch (BudgetExhausted e) {
            return false;
        }
    }

    static Optional<Pattern> compiled(String regex) {
        Optional<Pattern> cached = CACHE.get(regex);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(regex, r -> {
            try {
                return Optional.of(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        });
    }

    /** The input seen by the matcher, counting every character read against a budget shared by its slices. */
    private record Budgeted(String text, long[] budget) implements CharSequence {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw BudgetExhausted.INSTANCE;
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Thrown out of the matcher when the budget is spent; shared and without a stack trace, as it is expected. */
    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExhausted INSTANCE = new BudgetExhausted();

        private BudgetExhausted() {
            super("regular expression step budget exhausted", null, false, false);
        }
    }
}
