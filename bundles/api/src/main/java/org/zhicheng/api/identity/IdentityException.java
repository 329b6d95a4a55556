package org.zhicheng.api.identity;

import java.util.List;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.RefusedException;

/** An identity operation was refused; nothing was changed. */
public class IdentityException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public IdentityException(int status, String code, String zh, String en, List<FieldProblem> problems) {
        super(status, code, zh, en, problems);
    }

    public IdentityException(int status, String code, String zh, String en) {
        this(status, code, zh, en, List.of());
    }
}
