package org.zhicheng.api.documents;

/** A spreadsheet that cannot be read, with the reason in Simplified Chinese and English. */
public class SpreadsheetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why reading stopped. */
    public enum Reason {
        /** Neither .xlsx nor .xls by content (e.g. a renamed CSV, PDF or image). */
        NOT_A_SPREADSHEET,
        /** Password-protected. */
        ENCRYPTED,
        /** A spreadsheet, but damaged or unreadable. */
        DAMAGED,
        /** More bytes than allowed. */
        TOO_LARGE,
        /** More rows than allowed. */
        TOO_MANY_ROWS,
        /** More columns than allowed. */
        TOO_MANY_COLUMNS
    }

    private final Reason reason;
    private final String zh;

    public SpreadsheetException(Reason reason, String zh, String en, Throwable cause) {
        super(en, cause);
        this.reason = reason;
        this.zh = zh;
    }

    public Reason reason() {
        return reason;
    }

    /** The message in Simplified Chinese; {@link #getMessage()} is the English one. */
    public String zh() {
        return zh;
    }
}
