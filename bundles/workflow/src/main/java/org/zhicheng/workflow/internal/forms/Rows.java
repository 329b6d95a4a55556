package org.zhicheng.workflow.internal.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a repeatable section and the reserved keys a row may carry besides its field answers. Field ids
 * start with a letter, so keys starting with {@code _} can never clash with an answer.
 *
 * <p>A row is <em>marked deleted</em> (CQ-APP-5: a reviewer's {@code markRowDeleted}) when it carries
 * {@code "_deleted": true}. Such a row stays in the answers (shown grey, positions unchanged) but is not counted
 * by {@code rowCount}, {@code minRows} or {@code maxRows}, is not checked, and is left out of prints.
 */
public final class Rows {

    /** Reserved row key: {@code true} when a reviewer marked the row deleted (CQ-APP-5). */
    public static final String DELETED = "_deleted";

    /**
     * Reserved row key: an optional stable row id the platform may assign, e.g. to attach the row's uploads
     * (CQ-APP-4); a non-blank string of at most {@value #MAX_ID_LENGTH} characters, kept as it is.
     */
    public static final String ID = "_id";

    /** The longest {@link #ID}. */
    public static final int MAX_ID_LENGTH = 64;

    /** Every reserved row key. */
    public static final Set<String> RESERVED = Set.of(DELETED, ID);

    private Rows() {
    }

    /**
     * Whether a row is marked deleted.
     *
     * @param row a row of a repeatable section
     * @return whether it carries {@code "_deleted": true}
     */
    public static boolean isDeleted(Map<?, ?> row) {
        return Boolean.TRUE.equals(row.get(DELETED));
    }

    /**
     * The rows of a repeatable section's answer that are not marked deleted; empty when the answer is not a list
     * of rows.
     *
     * @param answer the section's answer (a list of row maps)
     * @return the live rows, in order
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> live(Object answer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (answer instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> row && !isDeleted(row)) {
                    rows.add((Map<String, Object>) row);
                }
            }
        }
        return rows;
    }
}
