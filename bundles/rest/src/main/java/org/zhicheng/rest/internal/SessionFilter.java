package org.zhicheng.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.Response;

import org.zhicheng.api.identity.Authentication;
import org.zhicheng.api.identity.Authentication.Session;

/**
 * Finds the session behind the request's cookie and, for every state-changing call made with a session, checks
 * that the {@code X-CSRF-Token} header repeats the session's CSRF token. A call without a session cookie is
 * anonymous; resources that need a caller answer 401.
 */
public final class SessionFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Supplier<Authentication> authentication;

    SessionFilter(Supplier<Authentication> authentication) {
        this.authentication = authentication;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return;
        }
        Authentication auth = authentication.get();
        Optional<Session> session = auth == null ? Optional.empty() : auth.resolve(cookie.getValue());
        if (session.isEmpty()) {
            request.setProperty(Sessions.EXPIRED, Boolean.TRUE);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(request, session.get())) {
            ApiProblem problem = request.getHeaderString(Sessions.CSRF_HEADER) == null
                    ? new ApiProblem(403, "csrf-token-missing", "请求缺少安全令牌（X-CSRF-Token），请刷新页面后重试。",
                            "The request lacks its security token (X-CSRF-Token); reload the page and try again.")
                    : new ApiProblem(403, "csrf-token-invalid", "安全令牌无效，请刷新页面后重试。",
                            "The security token is not valid; reload the page and try again.");
            request.abortWith(Response.status(403).type(ProblemMapper.PROBLEM_JSON + ";charset=UTF-8")
                    .entity(problem.toJson(Languages.prefersEnglish(request.getAcceptableLanguages()))).build());
            return;
        }
        request.setProperty(Sessions.SESSION, session.get());
    }

    private static boolean csrfMatches(ContainerRequestContext request, Session session) {
        String header = request.getHeaderString(Sessions.CSRF_HEADER);
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
