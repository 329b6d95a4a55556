package org.zhicheng.workflow.internal.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.zhicheng.api.business.RoutingContext;
import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.BilingualText;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Form;
import org.zhicheng.api.business.descriptor.OrganisationSelector;
import org.zhicheng.api.business.descriptor.Review;
import org.zhicheng.api.business.descriptor.ReviewStep;
import org.zhicheng.api.business.descriptor.Route;
import org.zhicheng.workflow.internal.forms.ConditionContext;
import org.zhicheng.workflow.internal.forms.ConditionEvaluator;
import org.zhicheng.workflow.internal.routing.Unrouted.Reason;

/**
 * Plans an applicant's review chain at submission (FJ-4, CQ-REV-1, CQ-ORG-4, GD-PHOTO-4, GD-TITLE-6/7): takes the
 * first route whose {@code when} holds (a route without one always holds), drops the optional steps whose
 * {@code includeWhen} fails, and resolves each remaining step's reviewer selector to an organisation. Pure: the
 * plan depends only on the descriptor, the routing context and the day given.
 *
 * <p>Conditions are evaluated over the answers of the context and the applicant's organisation path as
 * {@link ConditionEvaluator} describes. When nothing can be planned the result is an {@link Unrouted} carrying the
 * business's {@code unroutedMessage}, or {@link #GENERIC_UNROUTED}.
 */
public final class Router {

    /** The route id of a chain chosen in code by {@code Business.route} rather than by the route table. */
    public static final String OVERRIDE_ROUTE_ID = "$override";

    /** The message when a business gives no {@code unroutedMessage}. */
    public static final BilingualText GENERIC_UNROUTED = new BilingualText(
            "您所在的单位暂未设置审核流程，暂时无法提交，请联系您的单位或主管部门。",
            "No review chain is set up for your unit yet, so the application cannot be submitted; please contact"
                    + " your unit or its competent authority.");

    private Router() {
    }

    /**
     * Plans the chain from the descriptor's route table.
     *
     * @param descriptor the descriptor the application is pinned to
     * @param applicant the applicant's organisation path and answers at submission
     * @param today the day of submission ({@code $today} in conditions)
     * @return the chain, or why there is none
     */
    public static Plan route(BusinessDescriptor descriptor, RoutingContext applicant, LocalDate today) {
        ConditionContext context = context(descriptor, applicant, today);
        Review review = descriptor.review();
        for (Route route : review == null ? List.<Route>of() : review.routes()) {
            if (ConditionEvaluator.holds(route.when(), context)) {
                return plan(descriptor, route.id(), route.steps(), context);
            }
        }
        return unrouted(descriptor, Reason.NO_ROUTE, null, null);
    }

    /**
     * Plans the chain from an explicit ordered list of step ids, as {@code Business.route} returns it. The route
     * table is skipped, but each step's {@code includeWhen} still applies: it belongs to the step, not the route.
     *
     * @param descriptor the descriptor the application is pinned to
     * @param applicant the applicant's organisation path and answers at submission
     * @param stepIds the step ids in review order
     * @param today the day of submission
     * @return the chain with route id {@link #OVERRIDE_ROUTE_ID}, or why there is none
     */
    public static Plan route(BusinessDescriptor descriptor, RoutingContext applicant, List<String> stepIds,
            LocalDate today) {
        return plan(descriptor, OVERRIDE_ROUTE_ID, stepIds, context(descriptor, applicant, today));
    }

    /**
     * Plans the chain from the business's override when it gave one, otherwise from the route table.
     *
     * @param descriptor the descriptor the application is pinned to
     * @param applicant the applicant's organisation path and answers at submission
     * @param override what {@code Business.route} returned (empty for the route table)
     * @param today the day of submission
     * @return the chain, or why there is none
     */
    public static Plan route(BusinessDescriptor descriptor, RoutingContext applicant,
            Optional<List<String>> override, LocalDate today) {
        return override.isPresent() ? route(descriptor, applicant, override.get(), today)
                : route(descriptor, applicant, today);
    }

    /**
     * The organisation a selector picks on the applicant's organisation path (unit first, root last): the unit
     * ({@code self}), its parent ({@code parent}), the first organisation from the unit — or from its parent
     * without {@code includeSelf} — that satisfies {@code match} ({@code nearest}; the first one when there is no
     * match), the first at {@code level} ({@code level}), the last ({@code root}), or the organisation id
     * answered in {@code field} ({@code field}; it need not lie on the path, GD-TITLE-7). Also serves gate
     * submitters and observers.
     *
     * @param selector the selector
     * @param context the applicant's answers and path
     * @return the organisation id, or empty when there is none
     */
    public static Optional<String> organisation(OrganisationSelector selector, ConditionContext context) {
        List<OrganisationRef> path = context.organisationPath();
        if (selector == null || selector.pick() == null) {
            return Optional.empty();
        }
        return switch (selector.pick()) {
            case SELF -> at(path, 0);
            case PARENT -> at(path, 1);
            case NEAREST -> {
                for (int i = selector.includeSelf() ? 0 : 1; i < path.size(); i++) {
                    if (ConditionEvaluator.holds(selector.match(), context.testing(path.get(i)))) {
                        yield Optional.of(path.get(i).id());
                    }
                }
                yield Optional.empty();
            }
            case LEVEL -> path.stream().filter(o -> selector.level() != null && o.level() == selector.level())
                    .map(OrganisationRef::id).findFirst();
            case ROOT -> at(path, path.size() - 1);
            case FIELD -> selector.field() != null && context.answer(selector.field()) instanceof String id
                    && !id.isBlank() ? Optional.of(id) : Optional.empty();
        };
    }

    private static Plan plan(BusinessDescriptor descriptor, String routeId, List<String> stepIds,
            ConditionContext context) {
        Set<String> seen = new HashSet<>();
        List<PlannedStep> planned = new ArrayList<>();
        for (String stepId : stepIds) {
            if (!seen.add(stepId)) {
                return unrouted(descriptor, Reason.DUPLICATE_STEP, routeId, stepId);
            }
            Optional<ReviewStep> step = descriptor.step(stepId);
            if (step.isEmpty()) {
                return unrouted(descriptor, Reason.UNKNOWN_STEP, routeId, stepId);
            }
            if (!ConditionEvaluator.holds(step.get().includeWhen(), context)) {
                continue;
            }
            Optional<String> organisation = organisation(step.get().reviewer(), context);
            if (organisation.isEmpty()) {
                return unrouted(descriptor, Reason.NO_ORGANISATION, routeId, stepId);
            }
            planned.add(new PlannedStep(stepId, organisation.get(), step.get().reviewer().role()));
        }
        return planned.isEmpty() ? unrouted(descriptor, Reason.NO_STEPS, routeId, null)
                : new Chain(routeId, planned);
    }

    private static ConditionContext context(BusinessDescriptor descriptor, RoutingContext applicant,
            LocalDate today) {
        Form form = descriptor.form() == null ? new Form(null, null) : descriptor.form();
        return ConditionContext.of(form, applicant.answers().values(), applicant.organisationPath(), today);
    }

    private static Optional<String> at(List<OrganisationRef> path, int index) {
        return index >= 0 && index < path.size() ? Optional.of(path.get(index).id()) : Optional.empty();
    }

    private static Unrouted unrouted(BusinessDescriptor descriptor, Reason reason, String routeId, String stepId) {
        BilingualText message = descriptor.review() != null && descriptor.review().unroutedMessage() != null
                ? descriptor.review().unroutedMessage() : GENERIC_UNROUTED;
        return new Unrouted(reason, routeId, stepId, message.zh(), message.en());
    }
}
