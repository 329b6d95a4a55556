package org.zhicheng.rest.internal;

/** Thrown by resources to answer with a {@link ApiProblem}. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiProblem problem;

    public ApiException(ApiProblem problem) {
        super(problem.type() + ": " + problem.en());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
