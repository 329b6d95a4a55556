package org.zhicheng.rest.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.Reviews;

/** {@code /api/v1/reviews}: the reviewer's queues and actions (GD-PHOTO-4, CQ-REV-2, FJ-5, FJ-6). */
@Path("v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
public final class ReviewResource {

    /** An action's comment (required for return and reject) and the business's reason code. */
    public record Decision(String comment, String reasonCode) {
    }

    private final Supplier<Reviews> reviews;

    @Context
    private HttpServletRequest request;

    ReviewResource(Supplier<Reviews> reviews) {
        this.reviews = reviews;
    }

    @GET
    @Access.Requires("review.act")
    @Operation(summary = "Review queue / 审核队列",
            description = "queue = pending | approved | rejected | returned, for your organisation and roles, oldest "
                    + "submission first; with counts of every queue.",
            responses = @ApiResponse(responseCode = "400", description = "Unknown queue or page"))
    public Map<String, Object> queue(@QueryParam("queue") @DefaultValue("pending") String queue,
            @QueryParam("business") String business, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Reviews.Queue which;
        try {
            which = Reviews.Queue.valueOf(queue.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(new ApiProblem(400, "invalid-queue", "队列应为 pending、approved、rejected 或 returned。",
                    "The queue is pending, approved, rejected or returned."));
        }
        var caller = Sessions.caller(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tasks", service().queue(caller, which, business, offset, limit).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("taskId", t.taskId());
            m.put("applicationId", t.applicationId());
            m.put("business", t.businessId());
            m.put("step", t.stepId());
            m.put("applicantName", t.applicantName());
            m.put("applicantOrganisationId", t.applicantOrganisationId());
            m.put("status", t.applicationStatus());
            m.put("submittedAt", t.submittedAt() == null ? null : t.submittedAt().toString());
            m.put("actedAt", t.actedAt() == null ? null : t.actedAt().toString());
            return m;
        }).toList());
        Map<String, Integer> counts = new LinkedHashMap<>();
        service().counts(caller, business).forEach((q, n) -> counts.put(q.name().toLowerCase(Locale.ROOT), n));
        body.put("counts", counts);
        return body;
    }

    @POST
    @Path("{taskId}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("review.act")
    @Operation(summary = "Act on a task / 审核操作",
            description = "action = approve | return | reject | revoke. Return and reject need a comment; revoke pulls "
                    + "back this step's last action until the next step acts (FJ-6). Repeating the same action answers "
                    + "the same result.",
            responses = {@ApiResponse(responseCode = "200", description = "The application after the action"),
                @ApiResponse(responseCode = "400", description = "Comment missing, or the step does not allow it"),
                @ApiResponse(responseCode = "404", description = "No such task for your organisation and role"),
                @ApiResponse(responseCode = "409", description = "Someone acted first, or too late to revoke"),
                @ApiResponse(responseCode = "423", description = "Outside the step's window")})
    public Response act(@PathParam("taskId") String taskId, @PathParam("action") String action, Decision body) {
        ReviewAction which;
        try {
            which = ReviewAction.fromJson(action);
        } catch (IllegalArgumentException e) {
            throw new ApiException(new ApiProblem(404, "not-found", "没有这个审核操作。", "No such review action."));
        }
        Application a = service().act(Sessions.caller(request), taskId, which, body == null ? null : body.comment(),
                body == null ? null : body.reasonCode(), request.getRemoteAddr());
        return Response.ok(ApplicationResource.json(a)).tag(ApplicationResource.etag(a)).build();
    }

    private Reviews service() {
        return ApiException.available(reviews, "workflow-unavailable", "审核服务暂不可用，请稍后重试。",
                "The review service is not available right now; please try again shortly.");
    }
}
