package org.zhicheng.rest.internal;

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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.identity.AccountAdministration;

/**
 * {@code /api/v1/accounts/{id}}: administrators unlock (FJ-7), freeze, unfreeze and delete (CQ-ORG-4) accounts of
 * their own organisation subtree, and issue one-time passwords (FJ-9). An account outside the caller's subtree
 * answers 404, as one that does not exist.
 */
@Path("v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountResource {

    private final Supplier<AccountAdministration> accounts;

    @Context
    private HttpServletRequest request;

    AccountResource(Supplier<AccountAdministration> accounts) {
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("account.manage")
    @Operation(summary = "Issue an account / 开设账号",
            description = "Creates an account in an organisation of your subtree with roles you may grant, and returns "
                    + "its one-time password once; it must be changed at first sign-in (FJ-7).",
            responses = {@ApiResponse(responseCode = "201", description = "Issued"),
                @ApiResponse(responseCode = "400", description = "Invalid details, each field named"),
                @ApiResponse(responseCode = "403", description = "A role you may not grant"),
                @ApiResponse(responseCode = "409", description = "Username taken")})
    public Response create(AccountAdministration.NewAccount body) {
        if (body == null) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "请求内容不完整。",
                    "The request body is incomplete."));
        }
        AccountAdministration.CreatedAccount created = admin().create(Sessions.caller(request), body,
                request.getRemoteAddr());
        return Response.status(201).entity(Map.of("id", created.id(), "oneTimePassword", created.oneTimePassword(),
                "mustChangePassword", true)).build();
    }

    @GET
    @Access.Requires("account.read")
    @Operation(summary = "Accounts of an organisation / 单位账号列表",
            responses = {@ApiResponse(responseCode = "200", description = "The accounts"),
                @ApiResponse(responseCode = "404", description = "Organisation not in your scope")})
    public List<AccountAdministration.AccountSummary> list(@QueryParam("organisation") String organisationId) {
        return admin().list(Sessions.caller(request), organisationId);
    }

    @POST
    @Path("{id}/unlock")
    @Access.Requires("account.unlock")
    @Operation(summary = "Unlock an account / 解锁账号",
            responses = {@ApiResponse(responseCode = "204", description = "Unlocked"),
                @ApiResponse(responseCode = "404", description = "No such account in your organisation")})
    public Response unlock(@PathParam("id") String id) {
        admin().unlock(Sessions.caller(request), id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/freeze")
    @Access.Requires("account.manage")
    @Operation(summary = "Freeze an account / 冻结账号", description = "It can no longer sign in; its sessions end.",
            responses = {@ApiResponse(responseCode = "204", description = "Frozen"),
                @ApiResponse(responseCode = "409", description = "Not active, or your own account")})
    public Response freeze(@PathParam("id") String id) {
        admin().freeze(Sessions.caller(request), id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/unfreeze")
    @Access.Requires("account.manage")
    @Operation(summary = "Unfreeze an account / 解冻账号",
            responses = @ApiResponse(responseCode = "204", description = "Active again"))
    public Response unfreeze(@PathParam("id") String id) {
        admin().unfreeze(Sessions.caller(request), id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Access.Requires("account.manage")
    @Operation(summary = "Delete an account / 删除账号",
            description = "It can no longer sign in and its username is free again; the audit log keeps its history.",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    public Response delete(@PathParam("id") String id) {
        admin().delete(Sessions.caller(request), id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/password-reset")
    @Access.Requires("account.manage")
    @Operation(summary = "Issue a one-time password / 重置为一次性密码",
            description = "Returns a random one-time password, once; the account must change it at its next sign-in.",
            responses = @ApiResponse(responseCode = "200", description = "The one-time password"))
    public Map<String, Object> resetPassword(@PathParam("id") String id) {
        String secret = admin().resetPassword(Sessions.caller(request), id, request.getRemoteAddr());
        return Map.of("oneTimePassword", secret, "mustChangePassword", true);
    }

    /** The body of an e-mail change. */
    public record EmailChange(String email) {
    }

    @PUT
    @Path("{id}/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("account.manage")
    @Operation(summary = "Change an account's e-mail / 修改账号登记邮箱",
            description = "The address recovery links go to (GD-PHOTO-7: a city changes a unit's registered e-mail).",
            responses = {@ApiResponse(responseCode = "204", description = "Changed"),
                @ApiResponse(responseCode = "400", description = "Not an e-mail address")})
    public Response changeEmail(@PathParam("id") String id, EmailChange body) {
        admin().changeEmail(Sessions.caller(request), id, body == null ? null : body.email(), request.getRemoteAddr());
        return Response.noContent().build();
    }

    private AccountAdministration admin() {
        return ApiException.available(accounts, "identity-unavailable", "账号服务暂不可用，请稍后重试。",
                "Account administration is not available right now; please try again shortly.");
    }
}
