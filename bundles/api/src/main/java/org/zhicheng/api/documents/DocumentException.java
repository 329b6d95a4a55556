package org.zhicheng.api.documents;

import java.util.List;

import org.zhicheng.api.business.RefusedException;

/**
 * A document that cannot be produced as asked, with the reason in Simplified Chinese and English: an unknown
 * document (404), one the caller's audience may not obtain (403), one not available yet (409), a layout that does
 * not fit its sheet (422), or layout settings out of range (400).
 */
public class DocumentException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public DocumentException(int status, String code, String zh, String en) {
        super(status, code, zh, en, List.of());
    }
}
