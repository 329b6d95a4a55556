package org.zhicheng.rest.internal;

import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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

import org.zhicheng.api.identity.Organisation;
import org.zhicheng.api.identity.Organisations;
import org.zhicheng.api.identity.Organisations.Details;

/**
 * {@code /api/v1/organisations}: the organisation tree from the caller's own organisation down (CQ-ORG-1, FJ-9).
 * Organisations outside the caller's subtree answer 404. Edits use ETag / If-Match.
 */
@Path("v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
public final class OrganisationResource {

    /** A new organisation: where and what. */
    public record NewOrganisation(String parentId, String type, String name, String creditCode, String regionCode) {
    }

    /** A move. */
    public record Move(String parentId) {
    }

    private final Supplier<Organisations> organisations;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpHeaders headers;

    OrganisationResource(Supplier<Organisations> organisations) {
        this.organisations = organisations;
    }

    @GET
    @Path("mine")
    @Access.Requires("organisation.read")
    @Operation(summary = "My organisation / 本单位", description = "The top of the tree the caller sees.")
    public Response mine() {
        return tagged(tree().own(Sessions.caller(request)));
    }

    @GET
    @Path("{id}")
    @Access.Requires("organisation.read")
    @Operation(summary = "One organisation / 单位详情",
            responses = {@ApiResponse(responseCode = "200", description = "The organisation, with its ETag"),
                @ApiResponse(responseCode = "404", description = "Not in your scope")})
    public Response get(@PathParam("id") String id) {
        return tagged(tree().get(Sessions.caller(request), id));
    }

    @GET
    @Path("{id}/children")
    @Access.Requires("organisation.read")
    @Operation(summary = "Subordinate organisations / 下级单位")
    public List<Organisation> children(@PathParam("id") String id) {
        return tree().children(Sessions.caller(request), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("organisation.manage")
    @Operation(summary = "Add an organisation / 添加单位",
            responses = {@ApiResponse(responseCode = "201", description = "Added"),
                @ApiResponse(responseCode = "400", description = "Invalid details, each field named"),
                @ApiResponse(responseCode = "409", description = "Duplicate name, or the parent is not active")})
    public Response create(NewOrganisation body) {
        if (body == null) {
            throw invalidBody();
        }
        Organisation created = tree().create(Sessions.caller(request), body.parentId(),
                new Details(body.type(), body.name(), body.creditCode(), body.regionCode()));
        return Response.status(201).entity(created).tag(etag(created)).build();
    }

    @GET
    @Path("{id}/attributes")
    @Access.Requires("organisation.read")
    @Operation(summary = "Organisation attributes / 单位属性",
            description = "What review routes read, e.g. hasTitleReformOffice (CQ-ORG-4), registrationPoint (FJ-4).",
            responses = @ApiResponse(responseCode = "404", description = "Not in your subtree"))
    public java.util.Map<String, String> attributes(@PathParam("id") String id) {
        return tree().attributes(Sessions.caller(request), id);
    }

    @PUT
    @Path("{id}/attributes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("organisation.manage")
    @Operation(summary = "Set organisation attributes / 设置单位属性",
            description = "Replaces all attributes; chains already computed for submitted applications stay as they are.",
            responses = {@ApiResponse(responseCode = "204", description = "Set"),
                @ApiResponse(responseCode = "400", description = "A bad name or value"),
                @ApiResponse(responseCode = "404", description = "Not in your subtree")})
    public Response setAttributes(@PathParam("id") String id, java.util.Map<String, String> body) {
        tree().setAttributes(Sessions.caller(request), id, body);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("organisation.manage")
    @Operation(summary = "Edit an organisation / 修改单位信息",
            description = "Send the ETag you read as If-Match; a stale one answers 409 (someone changed it meanwhile).",
            responses = {@ApiResponse(responseCode = "200", description = "Changed"),
                @ApiResponse(responseCode = "428", description = "If-Match missing")})
    public Response update(@PathParam("id") String id, NewOrganisation body) {
        if (body == null) {
            throw invalidBody();
        }
        return tagged(tree().update(Sessions.caller(request), id,
                new Details(body.type(), body.name(), body.creditCode(), body.regionCode()), expectedVersion()));
    }

    @POST
    @Path("{id}/disable")
    @Access.Requires("organisation.manage")
    @Operation(summary = "Disable / 停用单位", description = "Its accounts, and those below it, can no longer sign in.")
    public Response disable(@PathParam("id") String id) {
        return tagged(tree().disable(Sessions.caller(request), id));
    }

    @POST
    @Path("{id}/enable")
    @Access.Requires("organisation.manage")
    @Operation(summary = "Enable / 启用单位")
    public Response enable(@PathParam("id") String id) {
        return tagged(tree().enable(Sessions.caller(request), id));
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("organisation.manage")
    @Operation(summary = "Move under another parent / 调整上级单位",
            description = "Moves the organisation with its whole subtree; never under itself or its descendants.")
    public Response move(@PathParam("id") String id, Move body) {
        if (body == null || body.parentId() == null) {
            throw invalidBody();
        }
        return tagged(tree().move(Sessions.caller(request), id, body.parentId()));
    }

    private int expectedVersion() {
        return IfMatch.version(headers);
    }

    private Organisations tree() {
        return ApiException.available(organisations, "identity-unavailable", "单位服务暂不可用，请稍后重试。",
                "The organisation service is not available right now; please try again shortly.");
    }

    private static Response tagged(Organisation organisation) {
        return Response.ok(organisation).tag(etag(organisation)).build();
    }

    private static EntityTag etag(Organisation organisation) {
        return new EntityTag(Integer.toString(organisation.version()));
    }

    private static ApiException invalidBody() {
        return new ApiException(new ApiProblem(400, "invalid-request", "请求内容不完整。", "The request body is incomplete."));
    }
}
