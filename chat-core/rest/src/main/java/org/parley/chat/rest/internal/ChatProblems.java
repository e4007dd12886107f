package org.parley.chat.rest.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.parley.chat.api.ChatException;
import org.parley.rest.problem.Problem;

/**
 * Chat core's refusals as problem details: unknown 404, invalid 400 naming the field, closed or taken 409, not the
 * agent's to do 403, a blocked visitor 403 of the type {@value #VISITOR_BLOCKED}.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("parley.chat.problems")
public class ChatProblems implements ExceptionMapper<ChatException> {
    /** The problem type of a blocked visitor's refused chat: stable, so the widget can recognise it. */
    static final String VISITOR_BLOCKED = "urn:parley:problem:visitor-blocked";

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ChatException e) {
        Problem problem = problem(e).withInstance(uri == null ? null : uri.getRequestUri().getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Problem problem(ChatException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> Problem.of(404, "Not found", e.getMessage());
            case INVALID -> Problem.ofField(400, "Invalid request", e.field(), e.getMessage());
            case CLOSED -> Problem.ofField(409, "Conversation closed", e.field(), e.getMessage());
            case CONFLICT -> of(409, "Conflict", e);
            case FORBIDDEN -> of(403, "Forbidden", e);
            case BLOCKED -> new Problem(VISITOR_BLOCKED, "Visitor blocked", 403, e.getMessage(), null, null, null);
            case BUSY -> Problem.of(503, "Busy", e.getMessage());
        };
    }

    private static Problem of(int status, String title, ChatException e) {
        return e.field() == null
                ? Problem.of(status, title, e.getMessage())
                : Problem.ofField(status, title, e.field(), e.getMessage());
    }
}
