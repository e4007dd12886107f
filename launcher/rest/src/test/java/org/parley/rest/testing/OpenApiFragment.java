package org.parley.rest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bundle's OpenAPI fragment, for the tests that keep it true: the operations it documents against the ones its
 * JAX-RS resources serve, and references that resolve. Shared with the REST bundles as this module's test jar.
 */
public final class OpenApiFragment {
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "get", POST.class, "post", PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch");

    private final JsonNode document;

    private OpenApiFragment(JsonNode document) {
        this.document = document;
    }

    /** The fragment at {@code resource} (e.g. {@code /openapi/chat.json}) on the class path. */
    public static OpenApiFragment load(String resource) {
        try (InputStream in = OpenApiFragment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No OpenAPI fragment at " + resource);
            }
            return new OpenApiFragment(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** "verb /path" for every documented operation. */
    public Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> operations.add(verb + " " + path.getKey())));
        return operations;
    }

    /** "verb /path" for every operation the resource classes serve, from their JAX-RS annotations. */
    public static Set<String> servedOperations(Class<?>... resources) {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : resources) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                for (Map.Entry<Class<? extends Annotation>, String> verb : VERBS.entrySet()) {
                    if (method.isAnnotationPresent(verb.getKey())) {
                        Path sub = method.getAnnotation(Path.class);
                        operations.add(verb.getValue() + " " + base + (sub == null ? "" : "/" + sub.value()));
                    }
                }
            }
        }
        return operations;
    }

    /** References that point nowhere; those to the base document's {@code Problem} are resolved there. */
    public Set<String> unresolvedReferences() {
        Set<String> references = new TreeSet<>();
        collect(document, references);
        references.removeIf(reference -> reference.endsWith("/Problem") || resolves(reference));
        return references;
    }

    private boolean resolves(String reference) {
        JsonNode target = document;
        for (String part : reference.substring(2).split("/")) {
            target = target.path(part);
        }
        return !target.isMissingNode();
    }

    private static void collect(JsonNode node, Set<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collect(child, references));
    }
}
