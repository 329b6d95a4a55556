package org.zhicheng.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.registry.RegisteredBusiness;

/** {@code /api/v1/businesses}: the businesses the installed province bundles offer. */
@Path("v1/businesses")
@Produces(MediaType.APPLICATION_JSON)
public final class BusinessResource {

    private final Supplier<BusinessRegistry> registry;
    private final ObjectMapper json;

    BusinessResource(Supplier<BusinessRegistry> registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @GET
    @Access.Public
    @Operation(summary = "List businesses / 业务列表",
            description = "Every business currently offered, at its newest version: id, version, province, names.")
    public List<Map<String, Object>> list() {
        return registry().list().stream().map(BusinessResource::summary).toList();
    }

    @GET
    @Access.Public
    @Path("{id}")
    @Operation(summary = "One business / 业务详情",
            description = "The business with its full descriptor: form schema, upload slots, review chain, "
                    + "windows, documents and dictionaries.",
            responses = {@ApiResponse(responseCode = "200", description = "The business"),
                @ApiResponse(responseCode = "404", description = "No such business (problem+json)")})
    public Map<String, Object> get(@Parameter(description = "business id") @PathParam("id") String id) {
        RegisteredBusiness business = registry().current(id).orElseThrow(() -> notFound(id));
        Map<String, Object> body = summary(business);
        body.put("descriptor", descriptorTree(business));
        return body;
    }

    @GET
    @Access.Public
    @Path("{id}/versions")
    @Operation(summary = "Rule versions of a business / 业务规则版本",
            description = "Every descriptor version ever registered, newest first, with its content hash and "
                    + "whether it is offered (ACTIVE), kept across an update (DETACHED) or kept for pinned "
                    + "applications only (RETIRED).",
            responses = {@ApiResponse(responseCode = "200", description = "The versions"),
                @ApiResponse(responseCode = "404", description = "No version of this business was ever registered")})
    public List<Map<String, Object>> versions(@Parameter(description = "business id") @PathParam("id") String id) {
        List<RegisteredBusiness> history = registry().history(id);
        if (history.isEmpty()) {
            throw notFound(id);
        }
        return history.stream().map(b -> {
            Map<String, Object> m = summary(b);
            m.put("firstRegistered", b.firstRegistered().toString());
            m.put("bundle", b.bundle());
            return m;
        }).toList();
    }

    @GET
    @Access.Public
    @Path("{id}/versions/{contentHash}")
    @Operation(summary = "One rule version / 指定规则版本",
            description = "The descriptor an application is pinned to, by content hash, even when that version "
                    + "is no longer offered.",
            responses = {@ApiResponse(responseCode = "200", description = "The business at that version"),
                @ApiResponse(responseCode = "404", description = "No such version (problem+json)")})
    public Map<String, Object> version(@Parameter(description = "business id") @PathParam("id") String id,
            @Parameter(description = "SHA-256 of the descriptor") @PathParam("contentHash") String contentHash) {
        RegisteredBusiness business = registry().byContentHash(contentHash)
                .filter(b -> b.id().equals(id))
                .orElseThrow(() -> new ApiException(new ApiProblem(404, "business-version-not-found",
                        "业务“" + id + "”不存在该规则版本。",
                        "Business \"" + id + "\" has no rule version " + contentHash + ".")));
        Map<String, Object> body = summary(business);
        body.put("descriptor", descriptorTree(business));
        return body;
    }

    private static ApiException notFound(String id) {
        return new ApiException(new ApiProblem(404, "business-not-found", "业务“" + id + "”不存在或未安装。",
                "Business \"" + id + "\" does not exist or is not installed."));
    }

    private BusinessRegistry registry() {
        return ApiException.available(registry, "registry-unavailable", "业务目录暂不可用，请稍后重试。",
                "The business registry is not available; please try again shortly.");
    }

    private JsonNode descriptorTree(RegisteredBusiness business) {
        try {
            return json.readTree(business.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> summary(RegisteredBusiness b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("version", b.version());
        m.put("province", b.descriptor().province());
        m.put("name", Map.of("zh", b.descriptor().name().zh(), "en", b.descriptor().name().en()));
        m.put("state", b.state().name());
        m.put("contentHash", b.contentHash());
        return m;
    }
}
