package org.zhicheng.api.media;

import java.util.List;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.RefusedException;

/** An upload or download was refused; nothing was stored or changed. Each failed check is one problem. */
public class MediaException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public MediaException(int status, String code, String zh, String en, List<FieldProblem> problems) {
        super(status, code, zh, en, problems);
    }

    public MediaException(int status, String code, String zh, String en) {
        this(status, code, zh, en, List.of());
    }
}
