package org.zhicheng.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationEvent;
import org.zhicheng.api.workflow.Applications;

/**
 * {@code /api/v1/applications}: an applicant's drafts and submissions (DESIGN interface), read also by reviewers
 * and authorities within their subtree. Saves and submissions carry the ETag read as If-Match.
 */
@Path("v1/applications")
@Produces(MediaType.APPLICATION_JSON)
public final class ApplicationResource {

    /** What to start. */
    public record NewApplication(String business) {
    }

    private final Supplier<Applications> applications;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpHeaders headers;

    ApplicationResource(Supplier<Applications> applications) {
        this.applications = applications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("own.apply")
    @Operation(summary = "Start an application / 新建申报",
            description = "A draft of the business's current version, pinned to that version for life.",
            responses = {@ApiResponse(responseCode = "201", description = "The draft, with its ETag"),
                @ApiResponse(responseCode = "404", description = "No such business"),
                @ApiResponse(responseCode = "409", description = "Season limit reached, not on the roster, or an open"
                        + " application elsewhere"),
                @ApiResponse(responseCode = "423", description = "Outside the applicant window")})
    public Response create(NewApplication body) {
        if (body == null || body.business() == null || body.business().isBlank()) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "请选择要申报的业务。",
                    "Choose the business to apply for."));
        }
        Application a = service().create(Sessions.caller(request), body.business().strip(), request.getRemoteAddr());
        return Response.status(201).entity(json(a)).tag(etag(a)).build();
    }

    @GET
    @Access.Requires("own.apply")
    @Operation(summary = "My applications / 我的申报", description = "Newest first, with status and current step"
            + " (GD-TITLE-6).")
    public List<Map<String, Object>> mine() {
        return service().mine(Sessions.caller(request)).stream().map(ApplicationResource::json).toList();
    }

    @GET
    @Path("{id}")
    @Access.SignedIn
    @Operation(summary = "Read an application / 查看申报",
            description = "Your own, or one in your subtree if you may read applications; otherwise 404.",
            responses = @ApiResponse(responseCode = "404", description = "No such application within your reach"))
    public Response get(@PathParam("id") String id) {
        Application a = service().get(Sessions.caller(request), id);
        return Response.ok(json(a)).tag(etag(a)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("own.apply")
    @Operation(summary = "Save answers / 保存申报内容",
            description = "The whole answers object, with If-Match. Format problems are refused per field; missing "
                    + "answers wait until submission.",
            responses = {@ApiResponse(responseCode = "200", description = "Saved, with the new ETag"),
                @ApiResponse(responseCode = "400", description = "Problems, each field named"),
                @ApiResponse(responseCode = "409", description = "Submitted and not returned"),
                @ApiResponse(responseCode = "412", description = "Changed elsewhere since you read it"),
                @ApiResponse(responseCode = "428", description = "If-Match missing")})
    public Response save(@PathParam("id") String id, Map<String, Object> answers) {
        int version = IfMatch.version(headers);
        Application a = service().save(Sessions.caller(request), id, version, answers, request.getRemoteAddr());
        return Response.ok(json(a)).tag(etag(a)).build();
    }

    @POST
    @Path("{id}/submit")
    @Access.Requires("own.apply")
    @Operation(summary = "Submit / 提交申报",
            description = "Validated completely, routed to its review chain, and handed to the first step. With the "
                    + "ETag read as If-Match; repeating the same submission answers it unchanged.",
            responses = {@ApiResponse(responseCode = "200", description = "In review"),
                @ApiResponse(responseCode = "400", description = "Problems, each field named"),
                @ApiResponse(responseCode = "422", description = "No review route applies to you"),
                @ApiResponse(responseCode = "423", description = "Outside the window")})
    public Response submit(@PathParam("id") String id) {
        int version = IfMatch.version(headers);
        Application a = service().submit(Sessions.caller(request), id, version, request.getRemoteAddr());
        return Response.ok(json(a)).tag(etag(a)).build();
    }

    @POST
    @Path("{id}/withdraw")
    @Access.Requires("own.apply")
    @Operation(summary = "Withdraw / 撤回申报",
            description = "Back to a draft, where the business allows, until the first step acts (GD-TITLE-6).",
            responses = @ApiResponse(responseCode = "409", description = "Not allowed, or already being reviewed"))
    public Response withdraw(@PathParam("id") String id) {
        Application a = service().withdraw(Sessions.caller(request), id, request.getRemoteAddr());
        return Response.ok(json(a)).tag(etag(a)).build();
    }

    @DELETE
    @Path("{id}")
    @Access.Requires("own.apply")
    @Operation(summary = "Delete / 删除申报",
            description = "With all its data, irrevocably, where the business allows (CQ-APP-6).",
            responses = {@ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "409", description = "Not allowed now")})
    public Response delete(@PathParam("id") String id) {
        service().delete(Sessions.caller(request), id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @Access.SignedIn
    @Operation(summary = "History / 办理记录",
            description = "Every step, action, comment and status change, oldest first (GD-TITLE-6).")
    public List<Map<String, Object>> history(@PathParam("id") String id) {
        return service().history(Sessions.caller(request), id).stream().map(ApplicationResource::json).toList();
    }

    static Map<String, Object> json(Application a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("business", a.businessId());
        m.put("businessVersion", a.businessVersion());
        m.put("season", a.seasonId());
        m.put("status", a.status().text());
        m.put("applicantAccountId", a.applicantAccountId());
        m.put("organisationId", a.organisationId());
        m.put("answers", a.answers());
        m.put("version", a.version());
        m.put("submission", a.submission());
        m.put("chain", a.chain().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("taskId", s.taskId());
            step.put("step", s.stepId());
            step.put("organisationId", s.organisationId());
            step.put("role", s.role());
            step.put("status", s.status());
            step.put("opinion", s.opinion());
            step.put("actedAt", s.actedAt() == null ? null : s.actedAt().toString());
            if (s.recommendation() != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("opinion", s.recommendation().opinion());
                r.put("signer", s.recommendation().signer());
                r.put("signedOn", s.recommendation().signedOn() == null ? null : s.recommendation().signedOn()
                        .toString());
                step.put("recommendation", r);
            }
            if (s.publicNotice() != null) {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("startsOn", s.publicNotice().startsOn().toString());
                n.put("endsOn", s.publicNotice().endsOn().toString());
                n.put("result", s.publicNotice().result());
                step.put("publicNotice", n);
            }
            if (s.routedOrganisationId() != null) {
                step.put("routedOrganisationId", s.routedOrganisationId());
            }
            return step;
        }).toList());
        m.put("currentStep", a.currentStep().map(s -> s.stepId()).orElse(null));
        m.put("createdAt", a.createdAt().toString());
        m.put("updatedAt", a.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> json(ApplicationEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("actorAccountId", e.actorAccountId());
        m.put("actorOrganisationId", e.actorOrganisationId());
        m.put("action", e.action());
        m.put("step", e.stepId());
        m.put("from", e.fromStatus());
        m.put("to", e.toStatus());
        m.put("comment", e.comment());
        m.put("reasonCode", e.reasonCode());
        return m;
    }

    static EntityTag etag(Application a) {
        return new EntityTag(Integer.toString(a.version()));
    }

    private Applications service() {
        return ApiException.available(applications, "workflow-unavailable", "申报服务暂不可用，请稍后重试。",
                "The application service is not available right now; please try again shortly.");
    }
}
