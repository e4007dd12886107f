package org.parley.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Thrown by resources to answer with a problem details body; nothing has been changed when it is thrown. */
public class ProblemException extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        this(problem, Response.status(problem.status()));
    }

    /** A problem whose response also carries the headers set on {@code response}, e.g. WWW-Authenticate. */
    public ProblemException(Problem problem, Response.ResponseBuilder response) {
        super(problem.detail(), response.status(problem.status()).build());
        this.problem = problem;
    }

    /** 401 Unauthorized with the bearer challenge. */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail),
                Response.status(401).header("WWW-Authenticate", "Bearer"));
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
