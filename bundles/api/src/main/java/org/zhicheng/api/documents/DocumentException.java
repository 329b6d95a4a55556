package org.zhicheng.api.documents;

/** A document that cannot be produced as asked, with the reason in Simplified Chinese and English. */
public class DocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String zh;

    /**
     * @param code a stable machine-readable code, e.g. {@code does-not-fit}
     * @param zh the reason in Simplified Chinese
     * @param en the reason in English ({@link #getMessage()})
     */
    public DocumentException(String code, String zh, String en) {
        super(en);
        this.code = code;
        this.zh = zh;
    }

    public String code() {
        return code;
    }

    /** The reason in Simplified Chinese; {@link #getMessage()} is the English one. */
    public String zh() {
        return zh;
    }
}
