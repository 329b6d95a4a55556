package org.zhicheng.rest.internal;

import javax.servlet.http.HttpServletRequest;

import org.zhicheng.api.identity.Authentication.Session;
import org.zhicheng.api.identity.Caller;

/**
 * The session of a request as {@link SessionFilter} found it (CXF keeps request-context properties as servlet
 * request attributes), and the checks resources make before acting: signed in, password changed if it must be,
 * permission granted.
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

    /** The caller, or a 401 problem (a clear "session expired" when a cookie came but no longer opens one). */
    static Caller signedIn(HttpServletRequest request) {
        Object session = request.getAttribute(SESSION);
        if (session instanceof Session s) {
            return s.caller();
        }
        if (Boolean.TRUE.equals(request.getAttribute(EXPIRED))) {
            throw new ApiException(new ApiProblem(401, "session-expired", "登录已过期，请重新登录。",
                    "Your session has expired; please sign in again."));
        }
        throw new ApiException(new ApiProblem(401, "authentication-required", "请先登录。", "Please sign in first."));
    }

    /**
     * The caller, who must hold {@code permission} and have changed a one-time password (FJ-7, FJ-9); a 401 or
     * 403 problem otherwise.
     */
    static Caller permitted(HttpServletRequest request, String permission) {
        Caller caller = signedIn(request);
        if (caller.mustChangePassword()) {
            throw new ApiException(new ApiProblem(403, "password-change-required", "请先修改密码后再继续操作。",
                    "Please change your password before you continue."));
        }
        if (!caller.has(permission)) {
            throw new ApiException(new ApiProblem(403, "permission-denied", "您没有执行此操作的权限。",
                    "You do not have permission to do this."));
        }
        return caller;
    }
}
