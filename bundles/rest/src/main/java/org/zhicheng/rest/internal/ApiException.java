package org.zhicheng.rest.internal;

/** Thrown by resources to answer with a {@link ApiProblem}. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiProblem problem;

    /** How many seconds the client should wait before trying again (429, 503); 0 for no Retry-After header. */
    private final long retryAfterSeconds;

    public ApiException(ApiProblem problem) {
        this(problem, 0);
    }

    public ApiException(ApiProblem problem, long retryAfterSeconds) {
        super(problem.type() + ": " + problem.en());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ApiProblem problem() {
        return problem;
    }

    /**
     * The service a resource needs, or a 503 problem while it is away (e.g. the database restarting): the API
     * keeps answering, clearly, instead of vanishing.
     */
    static <T> T available(java.util.function.Supplier<T> service, String code, String zh, String en) {
        T s = service.get();
        if (s == null) {
            throw new ApiException(new ApiProblem(503, code, zh, en));
        }
        return s;
    }
}
