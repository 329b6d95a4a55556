package org.zhicheng.registry.internal.validation;

import java.util.Objects;

/**
 * One problem found in a business descriptor.
 *
 * @param pointer the JSON pointer (RFC 6901) of the offending value, {@code ""} for the whole document, e.g.
 *     {@code /form/sections/2/fields/0/dictionary}
 * @param message what is wrong, in English, for the integrator who wrote the descriptor
 */
public record DescriptorProblem(String pointer, String message) {

    /** Requires both parts. */
    public DescriptorProblem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
