package org.zhicheng.api.workflow;

import java.util.List;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.RefusedException;

/** A workflow request was refused; nothing was changed. Validation failures carry one problem per field. */
public class WorkflowException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public WorkflowException(int status, String code, String zh, String en, List<FieldProblem> problems) {
        super(status, code, zh, en, problems);
    }

    public WorkflowException(int status, String code, String zh, String en) {
        this(status, code, zh, en, List.of());
    }
}
