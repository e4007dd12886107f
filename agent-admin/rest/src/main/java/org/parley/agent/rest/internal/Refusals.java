package org.parley.agent.rest.internal;

import jakarta.ws.rs.core.Response;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/** The problem details this bundle answers with besides the directory's own refusals (AgentProblems). */
final class Refusals {
    private Refusals() {}

    /** 401 without a challenge header: agents authenticate with a cookie, not an HTTP scheme. */
    static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail), Response.status(401));
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    static ProblemException forbidden(String field, String detail) {
        return new ProblemException(Problem.ofField(403, "Forbidden", field, detail));
    }

    static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    /** 429 with Retry-After in whole seconds. */
    static ProblemException tooManyAttempts(long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "Too many attempts",
                "Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds"),
                Response.status(429).header("Retry-After", retryAfterSeconds));
    }
}
