package org.parley.agent.rest.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.parley.agent.api.AgentException;
import org.parley.rest.problem.Problem;

/** The directory's refusals as problem details naming the field: unknown 404, invalid 400, conflict 409. */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("parley.agent.problems")
public class AgentProblems implements ExceptionMapper<AgentException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(AgentException e) {
        Problem problem = problem(e).withInstance(uri == null ? null : uri.getRequestUri().getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Problem problem(AgentException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> of(404, "Not found", e);
            case INVALID -> of(400, "Invalid request", e);
            case CONFLICT -> of(409, "Conflict", e);
        };
    }

    private static Problem of(int status, String title, AgentException e) {
        return e.field() == null
                ? Problem.of(status, title, e.getMessage())
                : Problem.ofField(status, title, e.field(), e.getMessage());
    }
}
