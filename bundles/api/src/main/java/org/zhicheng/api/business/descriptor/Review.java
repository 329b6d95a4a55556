package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * The review chain of a business: the steps, the route table choosing an applicant's steps, the gates that hold
 * approved applications until an organisation submits them all, the observers, and what a return does
 * (GD-PHOTO-4..6, GD-TITLE-6, CQ-REV-1..3, FJ-4..6).
 *
 * <p>At submission the platform evaluates {@code routes} in order and takes the first whose condition holds (a
 * route without condition always holds and may only come last); from its step list it drops the optional steps
 * whose {@code includeWhen} does not hold. When no route holds the submission is refused with
 * {@code unroutedMessage}. {@link org.zhicheng.api.business.Business#route} may override the table in code.
 *
 * @param steps the review steps, referenced by id from routes, windows, gates and documents
 * @param routes the route table, first match wins (FJ-4, CQ-REV-1); at least one
 * @param gates submit-all gates (GD-PHOTO-5, CQ-REV-3)
 * @param observers organisations that may view (and optionally download) but not review (GD-PHOTO-6)
 * @param onReturn what a return does; default back to the applicant, resubmission from the start (CQ-REV-2)
 * @param notifications notifications sent on workflow events (FJ-5 SMS on return)
 * @param queueColumns the columns of the reviewers' queues (GD-PHOTO-4); a default set when empty
 * @param unroutedMessage the message when no route holds for an applicant; a generic message when {@code null}
 * @param reasons the reason codes returns and rejections carry; an action some code names needs one of them
 */
public record Review(
        List<ReviewStep> steps,
        List<Route> routes,
        List<Gate> gates,
        List<Observer> observers,
        ReturnPolicy onReturn,
        List<Notification> notifications,
        List<Column> queueColumns,
        BilingualText unroutedMessage,
        List<ReasonCode> reasons) {

    /** Normalises absent lists to empty ones and an absent return policy to its default. */
    public Review {
        steps = Defaults.list(steps);
        routes = Defaults.list(routes);
        gates = Defaults.list(gates);
        observers = Defaults.list(observers);
        onReturn = onReturn == null ? new ReturnPolicy(null, null) : onReturn;
        notifications = Defaults.list(notifications);
        queueColumns = Defaults.list(queueColumns);
        reasons = Defaults.list(reasons);
    }

    /**
     * The reason codes an action may give.
     *
     * @param action return or reject
     * @return its codes; empty when the business lists none for it (then the action takes no code)
     */
    public List<ReasonCode> reasonsFor(ReviewAction action) {
        return reasons.stream().filter(r -> r.actions().contains(action)).toList();
    }
}
