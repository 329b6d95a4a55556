package org.zhicheng.rest.internal;

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

import org.zhicheng.api.identity.UnitRegistrations;

/** {@code /api/v1/registrations/units}: units register under an approved parent, which decides (CQ-ORG-2). */
@Path("v1/registrations/units")
@Produces(MediaType.APPLICATION_JSON)
public final class UnitRegistrationResource {

    private final Supplier<UnitRegistrations> units;

    @Context
    private HttpServletRequest request;

    UnitRegistrationResource(Supplier<UnitRegistrations> units) {
        this.units = units;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Public
    @Operation(summary = "Register a unit / 单位注册",
            description = "The unit and its first account wait for the parent's approval; every invalid field is listed.",
            responses = {@ApiResponse(responseCode = "201", description = "Registered, awaiting the parent"),
                @ApiResponse(responseCode = "400", description = "Invalid fields, each named"),
                @ApiResponse(responseCode = "404", description = "Parent unknown or not approved"),
                @ApiResponse(responseCode = "409", description = "Name taken under the parent, or username taken")})
    public Response register(UnitRegistrations.UnitApplication body) {
        String id = service().registerUnit(body, request.getRemoteAddr());
        return Response.status(201).entity(Map.of("organisationId", id, "status", "pending")).build();
    }

    @GET
    @Access.Requires("unit.approve")
    @Operation(summary = "Units awaiting approval / 待审核的单位注册",
            responses = @ApiResponse(responseCode = "404", description = "Parent not in your scope"))
    public List<UnitRegistrations.PendingUnit> pending(@QueryParam("parent") String parentId) {
        return service().pendingUnits(Sessions.caller(request), parentId);
    }

    @POST
    @Path("{id}/approve")
    @Access.Requires("unit.approve")
    @Operation(summary = "Approve a unit / 单位注册审核通过",
            responses = @ApiResponse(responseCode = "204", description = "Active; its account can sign in"))
    public Response approve(@PathParam("id") String id) {
        service().approveUnit(Sessions.caller(request), id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("unit.approve")
    @Operation(summary = "Reject a unit / 单位注册不予通过",
            description = "A reason is required; the name and the username become free again.",
            responses = @ApiResponse(responseCode = "204", description = "Rejected"))
    public Response reject(@PathParam("id") String id, RegistrationResource.Rejection body) {
        service().rejectUnit(Sessions.caller(request), id, body == null ? null : body.reason(), request.getRemoteAddr());
        return Response.noContent().build();
    }

    private UnitRegistrations service() {
        return ApiException.available(units, "registration-unavailable", "单位注册服务暂不可用，请稍后重试。",
                "Unit registration is not available right now; please try again shortly.");
    }
}
