package org.zhicheng.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.documents.ApplicationDocuments;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.Applications;
import org.zhicheng.api.workflow.Reviews;

/** {@code /api/v1/reviews}: the reviewer's queues and actions (GD-PHOTO-4, CQ-REV-2, FJ-5, FJ-6). */
@Path("v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
public final class ReviewResource {

    /**
     * What an action needs. Approve, return, reject, revoke: comment and reason code. Correct: corrections (and
     * If-Match). Mark rows deleted: section, rows and deleted (default true; false restores), with If-Match.
     * Recommend: opinion, signer, signedOn. Public notice: startsOn, endsOn, result. Dates are yyyy-MM-dd.
     */
    public record Decision(String comment, String reasonCode, List<Reviews.Correction> corrections, String section,
            List<Integer> rows, Boolean deleted, String opinion, String signer, String signedOn, String startsOn,
            String endsOn, String result) {
    }

    /** A batch: task ids or a unit (with an optional business), and the action with what it needs. */
    public record Batch(List<String> taskIds, String unit, String business, String action, String comment,
            String reasonCode, String startsOn, String endsOn, String result) {
    }

    /** A cross-review assignment (FJ-8). */
    public record Assignment(String organisationId, String reason) {
    }

    /** Verdicts on evidence (FJ-5). */
    public record Checks(List<Reviews.MatchCheck> checks) {
    }

    private final Supplier<Reviews> reviews;
    private final Supplier<Applications> applications;
    private final Supplier<ApplicationDocuments> documents;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpHeaders headers;

    ReviewResource(Supplier<Reviews> reviews, Supplier<Applications> applications,
            Supplier<ApplicationDocuments> documents) {
        this.reviews = reviews;
        this.applications = applications;
        this.documents = documents;
    }

    @GET
    @Access.Requires("review.act")
    @Operation(summary = "Review queue / 审核队列",
            description = "queue = pending | approved | rejected | returned, for your organisation and roles. Filters: "
                    + "business, step, unit (applicants of that unit and its sub-units), name (contains), submittedFrom "
                    + "and submittedTo (ISO instants); sort = submittedAt | actedAt | applicantName | "
                    + "applicantOrganisation, order = asc | desc. With the total under the filter and the counts of "
                    + "every queue.",
            responses = @ApiResponse(responseCode = "400", description = "Unknown queue, sort, unit or page"))
    public Map<String, Object> queue(@QueryParam("queue") @DefaultValue("pending") String queue,
            @QueryParam("business") String business, @QueryParam("step") String step, @QueryParam("unit") String unit,
            @QueryParam("name") String name, @QueryParam("submittedFrom") String submittedFrom,
            @QueryParam("submittedTo") String submittedTo, @QueryParam("sort") String sort,
            @QueryParam("order") @DefaultValue("asc") String order, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Reviews.Queue which = queue(queue);
        Reviews.Filter filter = filter(business, step, unit, name, submittedFrom, submittedTo, sort, order);
        var caller = Sessions.caller(request);
        Reviews.Page page = service().queue(caller, which, filter, offset, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("tasks", page.tasks().stream().map(t -> {
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
        service().counts(caller, filter).forEach((q, n) -> counts.put(q.name().toLowerCase(Locale.ROOT), n));
        body.put("counts", counts);
        return body;
    }

    @POST
    @Path("{taskId}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("review.act")
    @Operation(summary = "Act on a task / 审核操作",
            description = "action = approve | return | reject | revoke | correct | markRowDeleted | recommend | "
                    + "publicNotice, as the step allows. Return and reject need a comment; revoke pulls back this "
                    + "step's last action until the next step acts (FJ-6); correct and markRowDeleted need If-Match "
                    + "and keep the application complete (CQ-REV-2, CQ-APP-5); a step with a recommendation is "
                    + "approved only after it (CQ-REV-2). Repeating the same action answers the same result.",
            responses = {@ApiResponse(responseCode = "200", description = "The application after the action"),
                @ApiResponse(responseCode = "400", description = "Details missing or invalid, or the step does not "
                        + "allow the action"),
                @ApiResponse(responseCode = "404", description = "No such task for your organisation and role"),
                @ApiResponse(responseCode = "409", description = "Someone acted first, or too late to revoke"),
                @ApiResponse(responseCode = "412", description = "Changed since you read it (correct, "
                        + "markRowDeleted)"),
                @ApiResponse(responseCode = "423", description = "Outside the step's window"),
                @ApiResponse(responseCode = "428", description = "If-Match missing (correct, markRowDeleted)")})
    public Response act(@PathParam("taskId") String taskId, @PathParam("action") String action, Decision body) {
        ReviewAction which;
        try {
            which = ReviewAction.fromJson(action);
        } catch (IllegalArgumentException e) {
            throw new ApiException(new ApiProblem(404, "not-found", "没有这个审核操作。", "No such review action."));
        }
        Decision d = body == null ? new Decision(null, null, null, null, null, null, null, null, null, null, null,
                null) : body;
        var caller = Sessions.caller(request);
        String ip = request.getRemoteAddr();
        Application a = switch (which) {
            case CORRECT -> service().correct(caller, taskId, IfMatch.version(headers), d.corrections(), d.comment(),
                    ip);
            case MARK_ROW_DELETED -> service().markRows(caller, taskId, IfMatch.version(headers), d.section(),
                    d.rows(), d.deleted() == null || d.deleted(), d.comment(), ip);
            case RECOMMEND -> service().recommend(caller, taskId, d.opinion(), d.signer(), QueryParams.date("signedOn", d.signedOn()), ip);
            case PUBLIC_NOTICE -> {
                Reviews.Outcome outcome = service().publicNotice(caller, new Reviews.Selection(List.of(taskId), null,
                        null), new Reviews.PublicNotice(QueryParams.date("startsOn", d.startsOn()), QueryParams.date("endsOn", d.endsOn()), d.result()), ip).get(0);
                if (outcome.status() != 200) {
                    throw new ApiException(new ApiProblem(outcome.status(), outcome.code(), outcome.zh(),
                            outcome.en()));
                }
                yield ApiException.available(applications, "workflow-unavailable", "审核服务暂不可用，请稍后重试。",
                        "The review service is not available right now; please try again shortly.")
                        .get(caller, outcome.applicationId());
            }
            default -> service().act(caller, taskId, which, d.comment(), d.reasonCode(), ip);
        };
        return Response.ok(ApplicationResource.json(a)).tag(ApplicationResource.etag(a)).build();
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("review.act")
    @Operation(summary = "Act on many tasks / 批量审核",
            description = "FJ-8 batch submission and CQ-REV-2 public notice for selected applicants or a whole unit: "
                    + "taskIds (at most 500) or unit (with an optional business); action = approve | return | reject | "
                    + "publicNotice. Each task is acted on alone; the answer says what happened to each.",
            responses = {@ApiResponse(responseCode = "200", description = "One outcome per task"),
                @ApiResponse(responseCode = "400", description = "Bad selection, action or details")})
    public Map<String, Object> batch(Batch body) {
        if (body == null || body.action() == null) {
            throw new ApiException(new ApiProblem(400, "action-required", "请指定批量操作。", "Name the batch action."));
        }
        ReviewAction which;
        try {
            which = ReviewAction.fromJson(body.action());
        } catch (IllegalArgumentException e) {
            throw new ApiException(new ApiProblem(400, "action-not-batchable", "批量操作只能是通过、退回、不予通过或公示。",
                    "A batch can approve, return, reject or enter a public notice."));
        }
        var caller = Sessions.caller(request);
        Reviews.Selection selection = new Reviews.Selection(body.taskIds(), QueryParams.blank(body.unit()), QueryParams.blank(body.business()));
        List<Reviews.Outcome> outcomes = which == ReviewAction.PUBLIC_NOTICE
                ? service().publicNotice(caller, selection, new Reviews.PublicNotice(QueryParams.date("startsOn", body.startsOn()),
                        QueryParams.date("endsOn", body.endsOn()), body.result()), request.getRemoteAddr())
                : service().batch(caller, selection, which, body.comment(), body.reasonCode(), request.getRemoteAddr());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("done", outcomes.stream().filter(o -> o.status() == 200).count());
        answer.put("refused", outcomes.stream().filter(o -> o.status() != 200).count());
        answer.put("outcomes", outcomes);
        return answer;
    }

    @POST
    @Path("{taskId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("review.assign")
    @Operation(summary = "Assign cross review / 分配交叉审核",
            description = "FJ-8: moves a pending task to another active organisation of your area (not the "
                    + "applicant's own unit; back to the route's choice is always possible), with a reason.",
            responses = {@ApiResponse(responseCode = "200", description = "The application after the assignment"),
                @ApiResponse(responseCode = "400", description = "Reason missing or organisation not eligible"),
                @ApiResponse(responseCode = "404", description = "No such task in your area"),
                @ApiResponse(responseCode = "409", description = "The task is not pending")})
    public Response assign(@PathParam("taskId") String taskId, Assignment body) {
        Application a = service().assign(Sessions.caller(request), taskId, body == null ? null : body.organisationId(),
                body == null ? null : body.reason(), request.getRemoteAddr());
        return Response.ok(ApplicationResource.json(a)).tag(ApplicationResource.etag(a)).build();
    }

    private static Reviews.Queue queue(String queue) {
        return constant(Reviews.Queue.class, queue, "invalid-queue",
                "队列应为 pending、approved、rejected 或 returned。", "The queue is pending, approved, rejected or returned.");
    }

    private static Reviews.Filter filter(String business, String step, String unit, String name, String submittedFrom,
            String submittedTo, String sort, String order) {
        Reviews.Sort by = sort == null ? null : constant(Reviews.Sort.class, sort.replaceAll("([A-Z])", "_$1"),
                "invalid-sort", "排序应为 submittedAt、actedAt、applicantName 或 applicantOrganisation。",
                "Sort by submittedAt, actedAt, applicantName or applicantOrganisation.");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new ApiException(new ApiProblem(400, "invalid-order", "顺序应为 asc 或 desc。", "The order is asc or desc."));
        }
        return new Reviews.Filter(QueryParams.blank(business), QueryParams.blank(step), QueryParams.blank(unit), QueryParams.blank(name),
                QueryParams.instant("submittedFrom", submittedFrom, false),
                QueryParams.instant("submittedTo", submittedTo, true), by, order.equals("desc"));
    }

    @GET
    @Path("roster")
    @Access.Requires("review.act")
    @Operation(summary = "Export the queue as an Excel roster / 导出花名册",
            description = "CQ-REV-4, FJ-8: the business's roster document (business and document required) over the"
                    + " caller's queue with the queue's filters, and column.<field>=<value> on its filterable columns;"
                    + " ID numbers in full only with person.id-number. Written page by page, in constant memory.",
            responses = {@ApiResponse(responseCode = "200", description = "The .xlsx workbook"),
                @ApiResponse(responseCode = "400", description = "A missing or invalid parameter or filter"),
                @ApiResponse(responseCode = "404", description = "No such business or roster")})
    public Response roster(@QueryParam("business") String business, @QueryParam("document") String document,
            @QueryParam("queue") @DefaultValue("pending") String queue, @QueryParam("step") String step,
            @QueryParam("unit") String unit, @QueryParam("name") String name,
            @QueryParam("submittedFrom") String submittedFrom, @QueryParam("submittedTo") String submittedTo,
            @QueryParam("sort") String sort, @QueryParam("order") @DefaultValue("asc") String order,
            @Context UriInfo uri) {
        if (QueryParams.blank(business) == null || QueryParams.blank(document) == null) {
            throw QueryParams.bad("roster-unnamed", "请指定业务（business）和花名册（document）。",
                    "Name the business and the roster document.");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((key, values) -> {
            if (key.startsWith("column.") && !values.isEmpty()) {
                columns.put(key.substring("column.".length()), values.get(0));
            }
        });
        ApplicationDocuments.RosterExport export = ApiException.available(documents, "documents-unavailable",
                "打印服务暂不可用，请稍后重试。", "The printing service is not available right now; please try again shortly.")
                .roster(Sessions.caller(request), new ApplicationDocuments.RosterRequest(business, document,
                        queue(queue), filter(business, step, unit, name, submittedFrom, submittedTo, sort, order),
                        columns));
        StreamingOutput body = export::writeTo;
        return Response.ok(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", FileResource.disposition("attachment", export.fileName()))
                .build();
    }

    @GET
    @Path("{taskId}/evidence")
    @Access.Requires("review.act")
    @Operation(summary = "Evidence to check / 核对材料",
            description = "FJ-5: the files of each slot the step checks (per row for a row slot), the answers they"
                    + " back, and this step's verdict on their current content (null when still to check;"
                    + " checkedBefore when an earlier version was checked).",
            responses = {@ApiResponse(responseCode = "200", description = "The evidence"),
                @ApiResponse(responseCode = "404", description = "No such task of yours")})
    public List<Map<String, Object>> evidence(@PathParam("taskId") String taskId) {
        return service().evidence(Sessions.caller(request), taskId).stream().map(ReviewResource::json).toList();
    }

    @POST
    @Path("{taskId}/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("review.act")
    @Operation(summary = "Check evidence against the original / 核对是否与原件相符",
            description = "FJ-5: {\"checks\":[{\"slotId\":…, \"rowId\":…, \"matches\":true|false, \"note\":…}]}; a"
                    + " \"does not match\" needs a note. A step with match checks is approved only when all its"
                    + " evidence matches.",
            responses = {@ApiResponse(responseCode = "200", description = "The evidence with the verdicts"),
                @ApiResponse(responseCode = "400", description = "Evidence the step does not check, or a note missing"),
                @ApiResponse(responseCode = "404", description = "No such task of yours"),
                @ApiResponse(responseCode = "409", description = "The task is not pending")})
    public List<Map<String, Object>> check(@PathParam("taskId") String taskId, Checks body) {
        return service().check(Sessions.caller(request), taskId, body == null ? null : body.checks(),
                request.getRemoteAddr()).stream().map(ReviewResource::json).toList();
    }

    private static Map<String, Object> json(Reviews.Evidence e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slotId", e.slotId());
        json.put("rowId", e.rowId());
        json.put("fileIds", e.fileIds());
        json.put("fields", e.fields());
        json.put("evidenceHash", e.evidenceHash());
        json.put("matches", e.matches());
        json.put("note", e.note());
        json.put("checkedBy", e.checkedBy());
        json.put("checkedAt", e.checkedAt() == null ? null : e.checkedAt().toString());
        json.put("checkedBefore", e.checkedBefore());
        return json;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text, String code, String zh, String en) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(new ApiProblem(400, code, zh, en));
        }
    }

    private Reviews service() {
        return ApiException.available(reviews, "workflow-unavailable", "审核服务暂不可用，请稍后重试。",
                "The review service is not available right now; please try again shortly.");
    }
}
