package org.zhicheng.workflow.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause built from fixed condition texts and bound parameters, so that nothing a caller sends ever
 * becomes SQL text.
 */
public final class Where {

    private final StringBuilder conditions = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Adds a condition with its parameters, joined to the others by AND. */
    public Where and(String condition, Object... values) {
        if (!conditions.isEmpty()) {
            conditions.append(" AND ");
        }
        conditions.append(condition);
        params.addAll(List.of(values));
        return this;
    }

    /** A statement {@code select from WHERE ... suffix}, its parameters set. */
    public PreparedStatement prepare(Connection c, String select, String from, String suffix) throws SQLException {
        PreparedStatement s = c.prepareStatement(select + from + " WHERE " + conditions + suffix);
        try {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
        } catch (SQLException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The text with the LIKE wildcards and the escape character escaped by {@code \}; use {@code ESCAPE '\'}. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
