package org.zhicheng.rest.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.Response;

import org.zhicheng.api.identity.Authentication;
import org.zhicheng.api.identity.Authentication.Session;
import org.zhicheng.api.identity.Caller;

/**
 * The one place where requests are let in: finds the session behind the request's cookie, checks for every
 * state-changing call made with a session that the {@code X-CSRF-Token} header repeats the session's CSRF token,
 * and applies the matched method's {@link Access} rule. A method without a rule is refused (fail closed).
 */
public final class AccessFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Supplier<Authentication> authentication;

    @Context
    private ResourceInfo resource;

    AccessFilter(Supplier<Authentication> authentication) {
        this.authentication = authentication;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Optional<ApiProblem> refused = session(request).or(() -> rule(request));
        refused.ifPresent(problem -> request.abortWith(Response.status(problem.status())
                .type(ProblemMapper.PROBLEM_JSON + ";charset=UTF-8")
                .entity(problem.toJson(Languages.prefersEnglish(request.getAcceptableLanguages()))).build()));
    }

    /** Applies the method's access rule to the session found (or not) before. */
    private Optional<ApiProblem> rule(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(Access.Public.class)) {
            // No matched method: JAX-RS answers 404/405 itself.
            return Optional.empty();
        }
        Object session = request.getProperty(Sessions.SESSION);
        Caller caller = session instanceof Session s ? s.caller() : null;
        boolean expired = Boolean.TRUE.equals(request.getProperty(Sessions.EXPIRED));
        if (method.isAnnotationPresent(Access.SignedIn.class)) {
            return caller != null ? Optional.empty() : Optional.of(Sessions.unauthenticated(expired));
        }
        Access.Requires requires = method.getAnnotation(Access.Requires.class);
        if (requires == null) {
            return Optional.of(new ApiProblem(403, "no-access-rule", "该接口未声明访问规则，已拒绝。",
                    "This endpoint declares no access rule and is refused."));
        }
        if (caller == null) {
            return Optional.of(Sessions.unauthenticated(expired));
        }
        if (caller.mustChangePassword()) {
            return Optional.of(Sessions.PASSWORD_CHANGE_REQUIRED);
        }
        if (caller.mustEnrollSecondFactor()) {
            return Optional.of(Sessions.SECOND_FACTOR_REQUIRED);
        }
        if (caller.mustCompleteProfile()) {
            return Optional.of(Sessions.PROFILE_REQUIRED);
        }
        return caller.has(requires.value()) ? Optional.empty() : Optional.of(Sessions.PERMISSION_DENIED);
    }

    /** Finds the session; refuses a state-changing call whose CSRF token is missing or wrong. */
    private Optional<ApiProblem> session(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return Optional.empty();
        }
        Authentication auth = authentication.get();
        Optional<Session> session = auth == null ? Optional.empty() : auth.resolve(cookie.getValue());
        if (session.isEmpty()) {
            request.setProperty(Sessions.EXPIRED, Boolean.TRUE);
            return Optional.empty();
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(request, session.get())) {
            return Optional.of(request.getHeaderString(Sessions.CSRF_HEADER) == null
                    ? new ApiProblem(403, "csrf-token-missing", "请求缺少安全令牌（X-CSRF-Token），请刷新页面后重试。",
                            "The request lacks its security token (X-CSRF-Token); reload the page and try again.")
                    : new ApiProblem(403, "csrf-token-invalid", "安全令牌无效，请刷新页面后重试。",
                            "The security token is not valid; reload the page and try again."));
        }
        request.setProperty(Sessions.SESSION, session.get());
        return Optional.empty();
    }

    private static boolean csrfMatches(ContainerRequestContext request, Session session) {
        String header = request.getHeaderString(Sessions.CSRF_HEADER);
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
