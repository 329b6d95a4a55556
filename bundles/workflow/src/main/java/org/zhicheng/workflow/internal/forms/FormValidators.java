package org.zhicheng.workflow.internal.forms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.zhicheng.api.registry.RegisteredBusiness;

/**
 * The answer validators of descriptor versions, built once each: a version's content never changes under its
 * hash, so one validator serves every save, submission and correction of the applications pinned to it.
 */
public final class FormValidators {

    private final Map<String, AnswerValidator> byContentHash = new ConcurrentHashMap<>();

    /** The validator of a registered descriptor version. */
    public AnswerValidator of(RegisteredBusiness business) {
        return byContentHash.computeIfAbsent(business.contentHash(), h -> new AnswerValidator(business.descriptor()));
    }
}
