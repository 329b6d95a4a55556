package org.zhicheng.api.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * For every bundle that writes through the platform's DataSource: one JDBC transaction around a piece of work: commit when it returns, roll back when it throws (the exception
 * goes on unchanged). The connection goes back to the pool with auto-commit restored by the pool.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Work in a transaction that returns a value. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in its own transaction.
     *
     * @param what names the operation in the exception when the database cannot be reached
     * @throws IllegalStateException when the database fails; exceptions of the work itself pass unchanged
     */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: database unavailable", e);
        }
    }
}
