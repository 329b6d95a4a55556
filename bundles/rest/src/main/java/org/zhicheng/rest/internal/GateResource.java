package org.zhicheng.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.workflow.Gates;

/** {@code /api/v1/gates/{business}/{gate}}: submit-all gates (GD-PHOTO-5, CQ-REV-3). */
@Path("v1/gates/{business}/{gate}")
@Produces(MediaType.APPLICATION_JSON)
public final class GateResource {

    private final Supplier<Gates> gates;

    @Context
    private HttpServletRequest request;

    GateResource(Supplier<Gates> gates) {
        this.gates = gates;
    }

    @GET
    @Access.Requires("review.act")
    @Operation(summary = "Gate state / 全部提交状态",
            description = "How many applications wait at the gate for your organisation, and who still blocks it.",
            responses = @ApiResponse(responseCode = "404", description = "No such gate for your organisation"))
    public Map<String, Object> state(@PathParam("business") String business, @PathParam("gate") String gate) {
        return json(service().state(Sessions.caller(request), business, gate));
    }

    @POST
    @Path("submit")
    @Access.Requires("review.act")
    @Operation(summary = "Submit all / 全部提交",
            description = "Moves every application waiting at the gate on, in one go; only when none is undecided.",
            responses = {@ApiResponse(responseCode = "200", description = "Submitted"),
                @ApiResponse(responseCode = "404", description = "No such gate for your organisation"),
                @ApiResponse(responseCode = "409", description = "Blocked: every blocker is listed under errors"),
                @ApiResponse(responseCode = "423", description = "Outside the window")})
    public Map<String, Object> submit(@PathParam("business") String business, @PathParam("gate") String gate) {
        return json(service().submitAll(Sessions.caller(request), business, gate, request.getRemoteAddr()));
    }

    private static Map<String, Object> json(Gates.State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("business", s.businessId());
        m.put("gate", s.gateId());
        m.put("organisationId", s.organisationId());
        m.put("waiting", s.waiting());
        m.put("blockers", s.blockers().stream().map(b -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("applicationId", b.applicationId());
            x.put("accountId", b.accountId());
            x.put("applicantName", b.applicantName());
            x.put("status", b.status());
            x.put("step", b.stepId());
            return x;
        }).toList());
        return m;
    }

    private Gates service() {
        return ApiException.available(gates, "workflow-unavailable", "审核服务暂不可用，请稍后重试。",
                "The review service is not available right now; please try again shortly.");
    }
}
