package org.zhicheng.rest.internal;

import java.util.Map;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.business.RefusedException;

/**
 * Turns every failure into {@code application/problem+json} with zh-CN and en text. Unexpected exceptions are
 * logged with an incident id that the response repeats, and never leak their message or stack trace.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    /** The media type of problem documents. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        ApiProblem problem = problemFor(failure);
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(PROBLEM_JSON + ";charset=UTF-8")
                .entity(problem.toJson(Languages.prefersEnglish(headers)));
        if (failure instanceof ApiException api && api.retryAfterSeconds() > 0) {
            response.header("Retry-After", api.retryAfterSeconds());
        }
        return response.build();
    }

    static ApiProblem problemFor(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api.problem();
        }
        if (failure instanceof RefusedException refused) {
            return new ApiProblem(refused.status(), refused.code(), refused.zh(), refused.en(),
                    refused.problems().stream().map(p -> Map.of("field", p.path(), "code", p.code(), "zh", p.zh(),
                            "en", p.en())).toList());
        }
        if (failure instanceof NotFoundException) {
            return new ApiProblem(404, "not-found", "请求的资源不存在。", "The requested resource does not exist.");
        }
        if (failure instanceof NotAllowedException) {
            return new ApiProblem(405, "method-not-allowed", "该资源不支持此请求方法。",
                    "This resource does not support the request method.");
        }
        if (failure instanceof NotAcceptableException) {
            return new ApiProblem(406, "not-acceptable", "无法以请求的格式返回该资源。",
                    "The resource cannot be returned in the requested format.");
        }
        if (failure instanceof NotSupportedException) {
            return new ApiProblem(415, "unsupported-media-type", "不支持请求内容的格式。",
                    "The format of the request body is not supported.");
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return new ApiProblem(status, "bad-request", "请求无效（HTTP " + status + "）。",
                    "The request is invalid (HTTP " + status + ").");
        }
        String incident = Long.toString(System.nanoTime(), 36);
        LOG.error("Unexpected failure, incident {}", incident, failure);
        return new ApiProblem(500, "internal-error", "服务器内部错误，请稍后重试。如需帮助，请提供事件编号 " + incident + "。",
                "Internal server error; please try again later. If you need help, quote incident " + incident + ".");
    }
}
