package org.zhicheng.rest.internal;

import javax.servlet.http.HttpServletRequest;

import org.zhicheng.api.identity.Authentication.Session;
import org.zhicheng.api.identity.Caller;

/**
 * The session of a request as {@link AccessFilter} found it (CXF keeps request-context properties as servlet
 * request attributes), and the answers for callers who may not proceed.
 */
final class Sessions {

    /** The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS. */
    static final String COOKIE = "ZC_SESSION";
    /** The header that must repeat the session's CSRF token on every state-changing call. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    static final String SESSION = "zhicheng.session";
    static final String EXPIRED = "zhicheng.session.expired";

    private Sessions() {
    }

    static final ApiProblem PASSWORD_CHANGE_REQUIRED = new ApiProblem(403, "password-change-required",
            "请先修改密码后再继续操作。", "Please change your password before you continue.");
    static final ApiProblem SECOND_FACTOR_REQUIRED = new ApiProblem(403, "second-factor-required",
            "管理员账号须先启用动态验证码（双因素登录）后再继续操作。",
            "Administrator accounts must set up two-factor sign-in before they continue.");
    static final ApiProblem PROFILE_REQUIRED = new ApiProblem(403, "profile-incomplete",
            "请先完善个人信息（姓名、电子邮箱）后再继续操作。",
            "Please complete your profile (name, e-mail) before you continue.");
    static final ApiProblem PERMISSION_DENIED = new ApiProblem(403, "permission-denied", "您没有执行此操作的权限。",
            "You do not have permission to do this.");

    /** 401: a clear "session expired" when a cookie came but no longer opens a session. */
    static ApiProblem unauthenticated(boolean expired) {
        return expired
                ? new ApiProblem(401, "session-expired", "登录已过期，请重新登录。", "Your session has expired; please sign in again.")
                : new ApiProblem(401, "authentication-required", "请先登录。", "Please sign in first.");
    }

    /**
     * The caller of a method that {@link AccessFilter} let in as signed in; a 401 problem when there is none
     * (for methods that are public but behave differently for signed-in callers).
     */
    static Caller caller(HttpServletRequest request) {
        Object session = request.getAttribute(SESSION);
        if (session instanceof Session s) {
            return s.caller();
        }
        throw new ApiException(unauthenticated(Boolean.TRUE.equals(request.getAttribute(EXPIRED))));
    }

    /** The session of a method that {@link AccessFilter} let in as signed in. */
    static Session session(HttpServletRequest request) {
        caller(request);
        return (Session) request.getAttribute(SESSION);
    }
}
