package org.zhicheng.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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

import org.zhicheng.api.identity.UnitChanges;

/** {@code /api/v1/unit-changes}: change of personnel-management unit, decided by the new unit (GD-TITLE-7). */
@Path("v1/unit-changes")
@Produces(MediaType.APPLICATION_JSON)
public final class UnitChangeResource {

    /** The unit to move to. */
    public record ChangeRequest(String unitId) {
    }

    /** Why a change is rejected. */
    public record Rejection(String reason) {
    }

    private final Supplier<UnitChanges> changes;

    @Context
    private HttpServletRequest request;

    UnitChangeResource(Supplier<UnitChanges> changes) {
        this.changes = changes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("own.apply")
    @Operation(summary = "Ask to change unit / 申请变更人事管理单位",
            description = "Only the new unit approves; not while an application of yours is open (GD-TITLE-7).",
            responses = {@ApiResponse(responseCode = "201", description = "Requested"),
                @ApiResponse(responseCode = "404", description = "No such active unit"),
                @ApiResponse(responseCode = "409", description = "An open application, a pending request, or the same"
                        + " unit")})
    public Response request(ChangeRequest body) {
        String id = service().request(Sessions.caller(request), body == null ? null : body.unitId(),
                request.getRemoteAddr());
        return Response.status(201).entity(Map.of("id", id, "status", "pending")).build();
    }

    @GET
    @Access.Requires("applicant.approve")
    @Operation(summary = "Changes awaiting a unit / 待审核的单位变更",
            responses = @ApiResponse(responseCode = "404", description = "Unit not in your scope"))
    public List<Map<String, Object>> pending(@QueryParam("unit") String unitId) {
        return service().pending(Sessions.caller(request), unitId).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("accountId", r.accountId());
            m.put("applicantName", r.applicantName());
            m.put("fromUnitId", r.fromUnitId());
            m.put("toUnitId", r.toUnitId());
            m.put("requestedAt", r.requestedAt().toString());
            return m;
        }).toList();
    }

    @POST
    @Path("{id}/approve")
    @Access.Requires("applicant.approve")
    @Operation(summary = "Approve a change of unit / 同意单位变更",
            responses = {@ApiResponse(responseCode = "204", description = "The account moved"),
                @ApiResponse(responseCode = "404", description = "Not awaiting your unit"),
                @ApiResponse(responseCode = "409", description = "An application was opened meanwhile")})
    public Response approve(@PathParam("id") String id) {
        service().approve(Sessions.caller(request), id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("applicant.approve")
    @Operation(summary = "Reject a change of unit / 不同意单位变更",
            responses = {@ApiResponse(responseCode = "204", description = "Rejected"),
                @ApiResponse(responseCode = "400", description = "Reason missing")})
    public Response reject(@PathParam("id") String id, Rejection body) {
        service().reject(Sessions.caller(request), id, body == null ? null : body.reason(), request.getRemoteAddr());
        return Response.noContent().build();
    }

    private UnitChanges service() {
        return ApiException.available(changes, "identity-unavailable", "账号服务暂不可用，请稍后重试。",
                "Account administration is not available right now; please try again shortly.");
    }
}
