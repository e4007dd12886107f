package org.parley.rest.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @Override
    public boolean configure(FeatureContext context) {
        ObjectMapper mapper = objectMapper();
        // Jackson's own exception mappers answer in plain text; ProblemMappers answers in problem details.
        context.register(JacksonFeature.withoutExceptionMappers());
        context.register((ContextResolver<ObjectMapper>) type -> mapper, ContextResolver.class);
        return true;
    }
}
