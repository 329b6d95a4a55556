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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.certificates.Certificates;

/**
 * {@code /api/v1/certificates}: "my certificates", their signed PDFs, revocation by an issuer, and the public
 * verification by number (GD-CERT-2), which anyone may call without signing in and which masks the holder.
 */
@Path("v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
public final class CertificateResource {

    /** Public verifications a client address may make per minute (by number and by file together). */
    static final int VERIFICATIONS_PER_MINUTE = 60;

    private final Supplier<Certificates> certificates;
    private final AddressRateLimit limit = new AddressRateLimit(VERIFICATIONS_PER_MINUTE, java.time.Duration
            .ofMinutes(1), java.time.Clock.systemUTC());

    @Context
    private HttpServletRequest request;

    CertificateResource(Supplier<Certificates> certificates) {
        this.certificates = certificates;
    }

    /** The reason of a revocation or reissue. */
    public record Revocation(String reason) {
    }

    @GET
    @Access.SignedIn
    @Operation(summary = "My certificates / 我的证书", description = "The caller's own certificates, newest first.",
            responses = @ApiResponse(responseCode = "200", description = "The certificates"))
    public List<Map<String, Object>> mine() {
        return service().mine(Sessions.caller(request)).stream().map(CertificateResource::json).toList();
    }

    @GET
    @Path("{number}/verification")
    @Access.Public
    @Operation(summary = "Verify a certificate / 证书核验",
            description = "GD-CERT-2: anyone, without signing in: every printed field with the holder's name and ID"
                    + " number masked, and whether it is valid or revoked (with date and reason). At most 60"
                    + " verifications a minute per client address.",
            responses = {@ApiResponse(responseCode = "200", description = "The certificate as issued"),
                @ApiResponse(responseCode = "404", description = "No certificate has this number"),
                @ApiResponse(responseCode = "429", description = "Too many verifications; Retry-After says when")})
    public Map<String, Object> verify(@PathParam("number") String number) {
        limited();
        return verification(service().verify(number).orElseThrow(() -> new ApiException(new ApiProblem(404,
                "certificate-unknown", "没有编号为“" + number + "”的证书，请核对编号。",
                "There is no certificate numbered \"" + number + "\"; check the number."))));
    }

    private static Map<String, Object> verification(Certificates.Verification v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", v.number());
        json.put("title", v.title());
        json.put("status", v.status().name().toLowerCase(java.util.Locale.ROOT));
        json.put("fields", v.fields());
        json.put("issuedAt", v.issuedAt().toString());
        json.put("revokedAt", v.revokedAt() == null ? null : v.revokedAt().toString());
        json.put("revokedReason", v.revokedReason());
        json.put("supersededBy", v.supersededBy());
        return json;
    }

    /** The largest certificate file the public check reads. */
    private static final int MAX_FILE = 10 * 1024 * 1024;

    @POST
    @Path("verification")
    @Consumes(MediaType.WILDCARD)
    @Access.Public
    @Operation(summary = "Check a certificate file / 核验证书文件",
            description = "GD-CERT-2: anyone uploads a certificate PDF (the body, at most 10 MB); the answer says whether"
                    + " it is signed here, unchanged since, and byte for byte a certificate on record, and if so shows"
                    + " it as the verification by number does.",
            responses = {@ApiResponse(responseCode = "200", description = "outcome, messages, certificate"),
                @ApiResponse(responseCode = "413", description = "Larger than 10 MB"),
                @ApiResponse(responseCode = "429", description = "Too many verifications; Retry-After says when")})
    public Map<String, Object> check(java.io.InputStream body) throws java.io.IOException {
        limited();
        byte[] pdf = body.readNBytes(MAX_FILE + 1);
        if (pdf.length > MAX_FILE) {
            throw new ApiException(new ApiProblem(413, "file-too-large", "证书文件不能超过 10 MB。",
                    "A certificate file is at most 10 MB."));
        }
        Certificates.FileCheck check = service().check(pdf);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", check.outcome());
        json.put("messages", Map.of("zh", check.zh(), "en", check.en()));
        json.put("certificate", check.certificate() == null ? null : verification(check.certificate()));
        return json;
    }

    @GET
    @Path("{number}/pdf")
    @Access.SignedIn
    @Operation(summary = "The signed certificate / 下载电子证书",
            description = "For its holder, or an issuer with scope over its application.",
            responses = {@ApiResponse(responseCode = "200", description = "The signed PDF"),
                @ApiResponse(responseCode = "404", description = "No such certificate of yours")})
    public Response pdf(@PathParam("number") String number) {
        byte[] pdf = service().pdf(Sessions.caller(request), number);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Length", pdf.length)
                .header("Cache-Control", "private, no-store")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Content-Disposition", FileResource.disposition("attachment", number + ".pdf"))
                .build();
    }

    @POST
    @Path("{number}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires(Certificates.ISSUE)
    @Operation(summary = "Revoke a certificate / 撤销证书",
            description = "With a reason; it stays verifiable, as revoked. Audited.",
            responses = {@ApiResponse(responseCode = "200", description = "The revoked certificate"),
                @ApiResponse(responseCode = "400", description = "No reason"),
                @ApiResponse(responseCode = "409", description = "Already revoked")})
    public Map<String, Object> revoke(@PathParam("number") String number, Revocation body) {
        return json(service().revoke(Sessions.caller(request), number, body == null ? null : body.reason(),
                request.getRemoteAddr()));
    }

    @POST
    @Path("{number}/reissue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires(Certificates.ISSUE)
    @Operation(summary = "Reissue a certificate / 补发证书",
            description = "With a reason: a new number from the application as it stands now; the old certificate"
                    + " becomes superseded and names the new one. Audited.",
            responses = {@ApiResponse(responseCode = "200", description = "The new certificate"),
                @ApiResponse(responseCode = "400", description = "No reason"),
                @ApiResponse(responseCode = "409", description = "Not a valid certificate")})
    public Map<String, Object> reissue(@PathParam("number") String number, Revocation body) {
        return json(service().reissue(Sessions.caller(request), number, body == null ? null : body.reason(),
                request.getRemoteAddr()));
    }

    static Map<String, Object> json(Certificates.Issued c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", c.number());
        json.put("business", c.businessId());
        json.put("applicationId", c.applicationId());
        json.put("title", c.title());
        json.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
        json.put("fields", c.fields());
        json.put("issuedAt", c.issuedAt().toString());
        json.put("revokedAt", c.revokedAt() == null ? null : c.revokedAt().toString());
        json.put("revokedReason", c.revokedReason());
        json.put("supersededBy", c.supersededBy());
        return json;
    }

    /** GD-CERT-2's public checks, bounded per client address so the register cannot be harvested. */
    private void limited() {
        long wait = limit.acquire(request.getRemoteAddr());
        if (wait > 0) {
            throw AddressRateLimit.refusal(wait);
        }
    }

    private Certificates service() {
        return ApiException.available(certificates, "certificates-unavailable", "证书服务暂不可用，请稍后重试。",
                "The certificate service is not available right now; please try again shortly.");
    }
}
