package org.parley.rest.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * JSON for every Parley resource: Jackson, with times as ISO-8601 strings, and unknown fields refused so that a
 * misspelt field is reported instead of silently ignored. Resources select it with {@code @JSONRequired}.
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName("parley.json")
@JakartarsMediaType(MediaType.APPLICATION_JSON)
public class JsonFeature implements Feature {

    static ObjectMapper objectMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // A number or boolean where text belongs is a client error, not something to turn into text.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    @Override
    public boolean configure(FeatureContext context) {
        // Jackson's own exception mappers answer in plain text; ProblemMappers answers in problem details.
        context.register(JacksonFeature.withoutExceptionMappers());
        context.register(new MapperResolver(objectMapper()));
        // The API is described by its OpenAPI document; WADL would need JAXB and only adds a warning.
        context.property("jersey.config.server.wadl.disableWadl", true);
        return true;
    }

    /** A named class, not a lambda: Jersey reads the resolved type from the generic interface. */
    static final class MapperResolver implements ContextResolver<ObjectMapper> {
        private final ObjectMapper mapper;

        MapperResolver(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
