package org.zhicheng.workflow.internal.routing;

/**
 * The outcome of routing a submission (FJ-4, CQ-REV-1, CQ-ORG-4): a {@link Chain} of planned steps, or the reason
 * there is none ({@link Unrouted}). A failure is a value, not an exception, so the caller decides how to refuse.
 */
public sealed interface Plan permits Chain, Unrouted {
}
