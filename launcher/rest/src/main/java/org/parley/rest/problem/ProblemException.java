package org.parley.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Thrown by resources to answer with a problem details body; nothing has been changed when it is thrown. */
public class ProblemException extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), Response.status(problem.status()).build());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400 Bad Request naming the field. */
    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(Problem.ofField(400, "Invalid request", field, detail));
    }

    /** 404 Not Found. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }
}
