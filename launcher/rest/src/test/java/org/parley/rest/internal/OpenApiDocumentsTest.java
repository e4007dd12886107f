package org.parley.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode read(String text) throws Exception {
        return (ObjectNode) json.readTree(text.replace('\'', '"'));
    }

    @Test
    void mergesPathsAndComponentsOfEveryFragmentWithoutChangingTheBase() throws Exception {
        ObjectNode base = read("{'openapi':'3.0.3','paths':{'/openapi.json':{}},'components':{'schemas':{'Problem':{}}}}");
        ObjectNode chat = read("{'paths':{'/visitors':{'post':{}}},'components':{'schemas':{'Visitor':{}},"
                + "'securitySchemes':{'visitorToken':{}}}}");
        ObjectNode agents = read("{'paths':{'/agents':{'get':{}}}}");

        ObjectNode merged = OpenApiDocuments.merge(base, List.of(chat, agents));

        assertEquals(List.of("/openapi.json", "/visitors", "/agents"), fieldNames(merged.get("paths")));
        assertEquals(List.of("Problem", "Visitor"), fieldNames(merged.at("/components/schemas")));
        assertTrue(merged.at("/components/securitySchemes").has("visitorToken"));
        assertEquals(List.of("/openapi.json"), fieldNames(base.get("paths")), "the base stays as it was");
    }

    @Test
    void theBaseDocumentIsOpenApi3AndDescribesProblems() throws Exception {
        ObjectNode base = (ObjectNode) json.readTree(getClass().getResourceAsStream("/openapi/base.json"));
        assertTrue(base.get("openapi").asText().startsWith("3."));
        assertTrue(base.at("/components/schemas/Problem/properties").has("field"));
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
