package org.zhicheng.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.identity.AccountAdministration;
import org.zhicheng.api.identity.Authentication;
import org.zhicheng.api.identity.Authentication.LoginResult;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.SecondFactorRequired;
import org.zhicheng.api.identity.Authentication.Session;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.Captchas;
import org.zhicheng.api.identity.PasswordRecovery;
import org.zhicheng.api.identity.SecondFactors;

/** {@code /api/v1/auth}: sign in, sign out, and who the caller is. */
@Path("v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {

    /** The body of a sign-in. */
    public record LoginRequest(String username, String password, String captchaId, String captcha) {
    }

    /** The second step of a sign-in: the challenge from the first and the app's code. */
    public record SecondStep(String challenge, String code) {
    }

    /** A TOTP code. */
    public record Code(String code) {
    }

    /** A request for recovery links. */
    public record RecoveryRequest(String email) {
    }

    /** A new password set with a recovery link's token. */
    public record RecoveryCompletion(String token, String newPassword) {
    }

    /** The body of a password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    private final Supplier<Authentication> authentication;
    private final Supplier<AccountAdministration> accounts;
    private final Supplier<SecondFactors> secondFactors;
    private final Supplier<Captchas> captchas;
    private final Supplier<PasswordRecovery> recovery;

    @Context
    private HttpServletRequest servletRequest;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    AuthResource(Supplier<Authentication> authentication, Supplier<AccountAdministration> accounts,
            Supplier<SecondFactors> secondFactors, Supplier<Captchas> captchas, Supplier<PasswordRecovery> recovery) {
        this.authentication = authentication;
        this.recovery = recovery;
        this.captchas = captchas;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
    }

    @POST
    @Path("login")
    @Access.Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in / 登录",
            description = "Sets an HttpOnly session cookie and returns the user, roles, permissions and the CSRF token "
                    + "that state-changing calls must send as X-CSRF-Token.",
            responses = {@ApiResponse(responseCode = "200", description = "Signed in"),
                @ApiResponse(responseCode = "400", description = "Username or password missing"),
                @ApiResponse(responseCode = "401", description = "Wrong username or password, or a captcha is needed"
                        + " (CQ-ORG-3): then errors holds field captcha; get one from POST /v1/auth/captcha"),
                @ApiResponse(responseCode = "403", description = "Account frozen"),
                @ApiResponse(responseCode = "423", description = "Account locked after repeated failures (FJ-7)")})
    public Response login(LoginRequest body) {
        if (body == null || isBlank(body.username()) || body.password() == null || body.password().isEmpty()) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "请输入用户名和密码。",
                    "Please enter your username and password."));
        }
        if (body.username().length() > 100 || body.password().length() > 1024) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "用户名或密码过长。",
                    "The username or password is too long."));
        }
        if (body.captcha() != null && body.captcha().length() > 20
                || body.captchaId() != null && body.captchaId().length() > 100) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "图形验证码格式不正确。",
                    "The captcha is malformed."));
        }
        LoginResult result = auth().login(body.username(), body.password(), body.captchaId(), body.captcha(),
                clientIp());
        if (result instanceof Refused refused && refused.reason() == Authentication.Reason.BAD_CREDENTIALS
                && auth().captchaRequired(body.username(), clientIp())) {
            throw new ApiException(new ApiProblem(401, "bad-credentials", "用户名或密码错误。",
                    "Wrong username or password.", List.of(CAPTCHA_NEEDED)));
        }
        return answer(result);
    }

    /** Tells a client to show a captcha with the next sign-in. */
    private static final Map<String, String> CAPTCHA_NEEDED = Map.of("field", "captcha", "code", "required",
            "zh", "请输入图形验证码。", "en", "Please enter the characters shown in the picture.");

    @POST
    @Path("captcha")
    @Access.Public
    @Operation(summary = "New captcha / 获取图形验证码",
            description = "A PNG as a data: URI, its id and its expiry (5 minutes). Send id and answer with the next "
                    + "sign-in as captchaId and captcha; each captcha is used by one sign-in, right or wrong (CQ-ORG-3).",
            responses = @ApiResponse(responseCode = "200", description = "A new captcha"))
    public Map<String, Object> captcha() {
        Captchas.Captcha captcha = ApiException.available(captchas, "identity-unavailable",
                "登录服务暂不可用，请稍后重试。", "Sign-in is not available right now; please try again shortly.").issue();
        return Map.of("id", captcha.id(), "image",
                "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(captcha.png()),
                "expiresAt", captcha.expiresAt().toString());
    }

    @POST
    @Path("login/second-factor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Public
    @Operation(summary = "Sign in, second step / 登录（动态验证码）",
            description = "When sign-in answered secondFactorRequired: the challenge it gave and the 6-digit code of the "
                    + "authenticator app. Wrong codes count towards the lockout.",
            responses = {@ApiResponse(responseCode = "200", description = "Signed in"),
                @ApiResponse(responseCode = "401", description = "Wrong or reused code, or the challenge expired"),
                @ApiResponse(responseCode = "423", description = "Account locked")})
    public Response secondStep(SecondStep body) {
        if (body == null || body.challenge() == null || body.code() == null) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "请输入动态验证码。",
                    "Please enter the code from your authenticator app."));
        }
        return answer(auth().completeSecondFactor(body.challenge(), body.code(), clientIp()));
    }

    @POST
    @Path("second-factor")
    @Access.SignedIn
    @Operation(summary = "Set up two-factor sign-in / 启用动态验证码",
            description = "Returns a new TOTP secret (text and otpauth URI for a QR code); confirm it with a code.")
    public Map<String, Object> beginSecondFactor() {
        SecondFactors.Enrollment e = factors().begin(Sessions.caller(servletRequest), clientIp());
        return Map.of("secret", e.secret(), "otpauthUri", e.otpauthUri());
    }

    @POST
    @Path("second-factor/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.SignedIn
    @Operation(summary = "Confirm two-factor sign-in / 确认启用动态验证码",
            responses = {@ApiResponse(responseCode = "204", description = "On from the next sign-in"),
                @ApiResponse(responseCode = "400", description = "Wrong code")})
    public Response confirmSecondFactor(Code body) {
        factors().confirm(Sessions.caller(servletRequest), body == null ? null : body.code(), clientIp());
        return Response.noContent().build();
    }

    /** The answer to either step of a sign-in. */
    private Response answer(LoginResult result) {
        if (result instanceof SecondFactorRequired second) {
            return Response.ok(Map.of("secondFactorRequired", true, "challenge", second.challenge())).build();
        }
        if (result instanceof Refused refused) {
            throw new ApiException(switch (refused.reason()) {
                case BAD_CREDENTIALS -> new ApiProblem(401, "bad-credentials", "用户名或密码错误。",
                        "Wrong username or password.");
                case CAPTCHA_REQUIRED -> new ApiProblem(401, "captcha-required", "图形验证码错误或已失效，请重新输入。",
                        "The captcha is missing, wrong or expired; please enter a new one.", List.of(CAPTCHA_NEEDED));
                case LOCKED -> new ApiProblem(423, "account-locked", "账号因连续登录失败已被锁定，请联系管理员解锁。",
                        "The account is locked after repeated failed sign-ins; ask an administrator to unlock it.");
                case FROZEN -> new ApiProblem(403, "account-frozen", "账号已被冻结，请联系所在单位。",
                        "The account is frozen; please contact your unit.");
                case ORGANISATION_DISABLED -> new ApiProblem(403, "organisation-disabled",
                        "您所在的单位（或其上级单位）已停用，请联系上级主管部门。",
                        "Your organisation, or one above it, is disabled; please contact the authority above it.");
                case PENDING_APPROVAL -> new ApiProblem(403, "registration-pending", "注册申请尚待所在单位审核，审核通过后即可登录。",
                        "Your registration awaits approval by your unit; you can sign in once it is approved.");
                case BAD_SECOND_FACTOR -> new ApiProblem(401, "bad-second-factor",
                        "动态验证码不正确、已使用或已过期，请重新登录。",
                        "The code is wrong, already used, or expired; please sign in again.");
                case SECOND_FACTOR_UNAVAILABLE -> new ApiProblem(503, "second-factor-unavailable",
                        "动态验证服务未配置（缺少个人信息加密密钥），请联系系统管理员。",
                        "Two-factor sign-in is not configured (personal-data keys missing); contact the administrator.");
            });
        }
        SignedIn in = (SignedIn) result;
        long maxAge = Math.max(0, Duration.between(Instant.now(), in.session().expiresAt()).toSeconds());
        return Response.ok(describe(in.session()))
                .header("Set-Cookie", cookie(in.token(), maxAge))
                .build();
    }

    @POST
    @Path("logout")
    @Access.Public
    @Operation(summary = "Sign out / 退出登录", description = "Ends the session on the server and clears the cookie.",
            responses = @ApiResponse(responseCode = "204", description = "Signed out"))
    public Response logout() {
        Cookie cookie = headers.getCookies().get(Sessions.COOKIE);
        if (cookie != null && servletRequest.getAttribute(Sessions.SESSION) != null) {
            auth().logout(cookie.getValue(), clientIp());
        }
        return Response.noContent().header("Set-Cookie", cookie("", 0)).build();
    }

    @GET
    @Path("me")
    @Access.SignedIn
    @Operation(summary = "Current user / 当前用户",
            responses = {@ApiResponse(responseCode = "200", description = "The signed-in user"),
                @ApiResponse(responseCode = "401", description = "Not signed in, or the session expired")})
    public Map<String, Object> me() {
        return describe(Sessions.session(servletRequest));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.SignedIn
    @Operation(summary = "Change my password / 修改密码",
            description = "Required after a one-time password (FJ-7, FJ-9). The new password must pass the policy "
                    + "(CQ-ORG-3 by default); each failed rule is listed. Every session of the account ends: sign in "
                    + "again with the new password.",
            responses = {@ApiResponse(responseCode = "204", description = "Changed; signed out everywhere"),
                @ApiResponse(responseCode = "400", description = "Wrong current password or a weak new one")})
    public Response changePassword(PasswordChange body) {
        if (body == null || body.currentPassword() == null || body.newPassword() == null) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "请输入当前密码和新密码。",
                    "Please enter the current and the new password."));
        }
        ApiException.available(accounts, "identity-unavailable", "账号服务暂不可用，请稍后重试。",
                "Account administration is not available right now; please try again shortly.").changePassword(Sessions.caller(servletRequest), body.currentPassword(), body.newPassword(), clientIp());
        return Response.noContent().header("Set-Cookie", cookie("", 0)).build();
    }

    @PUT
    @Path("profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.SignedIn
    @Operation(summary = "Complete my profile / 完善个人信息",
            description = "Name and e-mail; required at first sign-in before anything else (FJ-7). The e-mail is where "
                    + "recovery links go (GD-PHOTO-7).",
            responses = {@ApiResponse(responseCode = "204", description = "Saved"),
                @ApiResponse(responseCode = "400", description = "A blank name or an invalid e-mail, each field named")})
    public Response completeProfile(AccountAdministration.Profile body) {
        ApiException.available(accounts, "identity-unavailable", "账号服务暂不可用，请稍后重试。",
                "Account administration is not available right now; please try again shortly.")
                .completeProfile(Sessions.caller(servletRequest), body, clientIp());
        return Response.noContent().build();
    }

    @POST
    @Path("recovery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Public
    @Operation(summary = "Recover username or password / 找回账号或密码",
            description = "Mails the usernames registered with the address, each with a one-time link to set a new "
                    + "password (GD-PHOTO-7). The answer is the same whether or not the address is registered.",
            responses = {@ApiResponse(responseCode = "202", description = "If the address is registered, a mail is on "
                    + "its way"),
                @ApiResponse(responseCode = "400", description = "Not an e-mail address"),
                @ApiResponse(responseCode = "503", description = "Recovery by e-mail is not configured")})
    public Response requestRecovery(RecoveryRequest body) {
        recovery().request(body == null ? null : body.email(), clientIp());
        return Response.accepted(Map.of("messages", Map.of(
                "zh-CN", "如该邮箱已登记，找回邮件已发出，请查收并在邮件所述时限内操作。",
                "en", "If the address is registered, a mail is on its way; follow its link within the time it states.")))
                .build();
    }

    @POST
    @Path("recovery/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Public
    @Operation(summary = "Set a new password with a recovery link / 通过找回链接设置新密码",
            description = "The token from the mailed link and a new password that passes the policy. Every session of "
                    + "the account ends; a lock stays until an administrator lifts it (FJ-7).",
            responses = {@ApiResponse(responseCode = "204", description = "Set; sign in with it"),
                @ApiResponse(responseCode = "400", description = "Link invalid, used or expired, or a weak password"),
                @ApiResponse(responseCode = "423", description = "Account locked")})
    public Response completeRecovery(RecoveryCompletion body) {
        if (body == null || body.token() == null || body.newPassword() == null || body.newPassword().length() > 1024) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "请输入新密码。", "Please enter a new password."));
        }
        recovery().complete(body.token(), body.newPassword(), clientIp());
        return Response.noContent().build();
    }

    private PasswordRecovery recovery() {
        return ApiException.available(recovery, "recovery-unavailable", "邮件找回密码功能暂不可用，请联系所在单位或管理员重置密码。",
                "Recovery by e-mail is not available; ask your unit or an administrator to reset the password.");
    }

    private SecondFactors factors() {
        return ApiException.available(secondFactors, "second-factor-unavailable",
                "动态验证服务未配置（缺少个人信息加密密钥），请联系系统管理员。",
                "Two-factor sign-in is not configured (personal-data keys missing); contact the administrator.");
    }

    private Authentication auth() {
        return ApiException.available(authentication, "identity-unavailable", "登录服务暂不可用，请稍后重试。",
                "Sign-in is not available right now; please try again shortly.");
    }

    private static Map<String, Object> describe(Session session) {
        Caller caller = session.caller();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", Map.of("id", caller.accountId(), "username", caller.username(),
                "displayName", caller.displayName(), "organisationId", caller.organisationId()));
        body.put("roles", new TreeSet<>(caller.roles()));
        body.put("permissions", new TreeSet<>(caller.permissions()));
        body.put("mustChangePassword", caller.mustChangePassword());
        body.put("mustEnrollSecondFactor", caller.mustEnrollSecondFactor());
        body.put("mustCompleteProfile", caller.mustCompleteProfile());
        body.put("csrfToken", session.csrfToken());
        body.put("expiresAt", session.expiresAt().toString());
        return body;
    }

    private String cookie(String value, long maxAge) {
        boolean https = "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
        return Sessions.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    private String clientIp() {
        return servletRequest == null ? null : servletRequest.getRemoteAddr();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
