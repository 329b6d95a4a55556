package org.zhicheng.identity.internal.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of parsing what a person typed (a resident ID number, a credit code): either the {@link Valid}
 * value or the {@link Invalid} list of every violation found.
 *
 * @param <T> the parsed value
 */
public sealed interface Parsed<T> {

    /** Whether the input is valid. */
    boolean isValid();

    /** The violations found, in a stable order; empty when valid. */
    List<Violation> violations();

    /** The value when valid, else empty. */
    Optional<T> toOptional();

    /**
     * The value, or an {@link IllegalArgumentException} listing the violation codes and English messages (never
     * the input itself). For input that is trusted to be valid, such as test data and stored values.
     */
    default T orElseThrow() {
        return toOptional().orElseThrow(() -> new IllegalArgumentException("invalid input: "
                + violations().stream().map(v -> v.code() + " (" + v.en() + ")").collect(Collectors.joining("; "))));
    }

    /** A valid, normalised value. */
    record Valid<T>(T value) implements Parsed<T> {

        /** Refuses a missing value. */
        public Valid {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public List<Violation> violations() {
            return List.of();
        }

        @Override
        public Optional<T> toOptional() {
            return Optional.of(value);
        }
    }

    /** Every violation found, at least one. */
    record Invalid<T>(List<Violation> violations) implements Parsed<T> {

        /** Copies the list and refuses an empty one. */
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one violation");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public Optional<T> toOptional() {
            return Optional.empty();
        }
    }
}
