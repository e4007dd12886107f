package org.parley.rest.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure of a Parley request into an RFC 9457 problem details response. */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName("parley.problems")
public class ProblemMappers implements Feature {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new ProblemExceptionMapper(), 1);
        // Jersey's Jackson module brings mappers for these two types that answer in plain text; mappers of the
        // exact type with a higher priority replace them.
        context.register(new JsonParseMapper(), 1);
        context.register(new JsonMappingMapper(), 1);
        context.register(new JsonExceptionMapper(), 1);
        context.register(new WebApplicationExceptionMapper(), 1);
        context.register(new UnexpectedExceptionMapper(), 1);
        return true;
    }

    static Response respond(Problem problem, UriInfo uri) {
        return respond(problem, uri, Response.status(problem.status()));
    }

    /** The problem as the response body; {@code base} may carry headers such as WWW-Authenticate. */
    static Response respond(Problem problem, UriInfo uri, Response.ResponseBuilder base) {
        Problem located = uri == null ? problem : problem.withInstance(uri.getRequestUri().getPath());
        return base.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }

    static final class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(ProblemException exception) {
            return respond(exception.problem(), uri, Response.fromResponse(exception.getResponse()));
        }
    }

    /** Malformed JSON, a wrong type or an unknown field: 400 naming the field where Jackson knows it. */
    static final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException exception) {
            // A limit hit while Jackson was reading (the body size) arrives wrapped in Jackson's exception.
            if (exception.getCause() instanceof ProblemException problem) {
                return respond(problem.problem(), uri);
            }
            if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
                String detail = exception instanceof UnrecognizedPropertyException
                        ? "Unknown field '" + field + "'"
                        : "The field '" + field + "' has the wrong type or format";
                return respond(Problem.ofField(400, "Invalid request", field, detail), uri);
            }
            if (exception instanceof JsonMappingException) {
                return respond(Problem.of(400, "Invalid request",
                        "The request body has the wrong shape: see the API's OpenAPI document"), uri);
            }
            String where = exception.getLocation() == null
                    ? ""
                    : " at line " + exception.getLocation().getLineNr() + ", column "
                            + exception.getLocation().getColumnNr();
            return respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON" + where), uri);
        }
    }

    static final class JsonParseMapper implements ExceptionMapper<JsonParseException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(JsonParseException exception) {
            return json(exception, uri);
        }
    }

    static final class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(JsonMappingException exception) {
            return json(exception, uri);
        }
    }

    static Response json(JsonProcessingException exception, UriInfo uri) {
        JsonExceptionMapper mapper = new JsonExceptionMapper();
        mapper.uri = uri;
        return mapper.toResponse(exception);
    }

    /** JAX-RS' own failures (unknown path, wrong method or media type, body too large) keep their status. */
    static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException exception) {
            if (exception instanceof ProblemException problem) {
                return respond(problem.problem(), uri, Response.fromResponse(problem.getResponse()));
            }
            Response.StatusType status = exception.getResponse().getStatusInfo();
            String detail = exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage();
            if (exception.getCause() instanceof JsonProcessingException json) {
                return json(json, uri);
            }
            Response.ResponseBuilder response = Response.fromResponse(exception.getResponse())
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail)
                            .withInstance(uri == null ? null : uri.getRequestUri().getPath()));
            return response.build();
        }
    }

    /** Anything else is our fault: log it, and tell the client no more than that. */
    static final class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(RuntimeException exception) {
            if (exception instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            LOG.error("Request {} failed", uri == null ? "?" : uri.getPath(), exception);
            return respond(Problem.of(500, "Internal error", "The server failed; the error is in its log."), uri);
        }
    }
}
