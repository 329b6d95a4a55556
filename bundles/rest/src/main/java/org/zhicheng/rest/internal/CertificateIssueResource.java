package org.zhicheng.rest.internal;

import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.certificates.Certificates;

/** {@code POST /api/v1/applications/{id}/certificate}: issues an application's electronic certificate (GD-CERT-1..3). */
@Path("v1/applications/{id}/certificate")
@Produces(MediaType.APPLICATION_JSON)
public final class CertificateIssueResource {

    private final Supplier<Certificates> certificates;

    @Context
    private HttpServletRequest request;

    CertificateIssueResource(Supplier<Certificates> certificates) {
        this.certificates = certificates;
    }

    @POST
    @Access.Requires(Certificates.ISSUE)
    @Operation(summary = "Issue the certificate / 签发电子证书",
            description = "Once the application has passed its business's issueAfter step: numbered by the rule,"
                    + " data and photo frozen, signed, sealed. Issuing again returns the same certificate.",
            responses = {@ApiResponse(responseCode = "200", description = "The certificate"),
                @ApiResponse(responseCode = "404", description = "No such application in your scope"),
                @ApiResponse(responseCode = "409", description = "Not issuable yet, no certificate, or no photo"),
                @ApiResponse(responseCode = "503", description = "No signing key or seal configured")})
    public Map<String, Object> issue(@PathParam("id") String id) {
        return CertificateResource.json(ApiException.available(certificates, "certificates-unavailable",
                "证书服务暂不可用，请稍后重试。", "The certificate service is not available right now; please try again shortly.")
                .issue(Sessions.caller(request), id, request.getRemoteAddr()));
    }
}
