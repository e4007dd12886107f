package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Keeps openapi/chat.json true: it documents exactly the operations the resources serve. */
class OpenApiDocumentTest {
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "get", POST.class, "post", PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch");

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi/chat.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Set<String> served(Class<?>... resources) {
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

    @Test
    void documentsExactlyTheServedOperations() throws Exception {
        Set<String> documented = new TreeSet<>();
        document().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb + " " + path.getKey())));
        assertEquals(served(VisitorResource.class, ConversationResource.class), documented);
    }

    @Test
    void everyReferenceResolvesAndEveryOperationDocumentsItsErrors() throws Exception {
        JsonNode document = document();
        Set<String> references = new TreeSet<>();
        collectReferences(document, references);
        for (String reference : references) {
            String[] parts = reference.substring(2).split("/");
            JsonNode target = document;
            if (parts[1].equals("responses") && parts[2].equals("Problem")
                    || parts[1].equals("schemas") && parts[2].equals("Problem")) {
                continue; // defined in the REST bundle's base document
            }
            for (String part : parts) {
                target = target.path(part);
            }
            assertFalse(target.isMissingNode(), "unresolved " + reference);
        }
        document.get("paths").forEach(path -> path.forEach(operation -> {
            boolean needsToken = operation.has("security");
            if (needsToken) {
                assertTrue(operation.get("responses").has("401"), operation.get("operationId") + " documents 401");
            }
        }));
    }

    @Test
    void documentsTheMessageLimitTheServerEnforces() throws Exception {
        JsonNode text = document().at("/components/schemas/NewMessage/properties/text");
        assertEquals(org.parley.chat.api.Conversations.MAX_TEXT_LENGTH, text.get("maxLength").asInt());
    }

    private static void collectReferences(JsonNode node, Set<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
