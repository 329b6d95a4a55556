package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * How a computed field derives its answer (FJ-2: years the current qualification has been held, appointment
 * years per row; CQ-APP-3: years in the current title). Computed answers are recomputed on every save and at
 * submission, and cannot be typed.
 *
 * @param kind what to compute
 * @param from for the date differences: the start field (date or yearMonth)
 * @param to for the date differences: the end field, or {@code $today} (the default) for the day of evaluation
 * @param of for {@code sum}: the numeric fields to add; for {@code rowCount}: the one repeatable section to count
 */
public record Computation(ComputationKind kind, String from, String to, List<String> of) {

    /** The pseudo-field naming the day of evaluation (the submission date at submission). */
    public static final String TODAY = "$today";

    /** Normalises an absent list to an empty one. */
    public Computation {
        of = Defaults.list(of);
    }

    /** {@link #to()} with its default {@link #TODAY} applied. */
    public String toOrToday() {
        return to == null ? TODAY : to;
    }
}
