package org.parley.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** Merges OpenAPI fragments (their {@code paths} and {@code components}) into a base document. */
final class OpenApiDocuments {
    private OpenApiDocuments() {}

    static ObjectNode merge(ObjectNode base, Collection<ObjectNode> fragments) {
        ObjectNode document = base.deepCopy();
        for (ObjectNode fragment : fragments) {
            mergeObject(document, fragment, "paths");
            JsonNode components = fragment.get("components");
            if (components != null) {
                ObjectNode target = document.with("components");
                components.fieldNames().forEachRemaining(section ->
                        mergeObject(target, (ObjectNode) components, section));
            }
        }
        return document;
    }

    private static void mergeObject(ObjectNode target, ObjectNode source, String field) {
        JsonNode from = source.get(field);
        if (from instanceof ObjectNode object) {
            ObjectNode into = target.with(field);
            object.fields().forEachRemaining(entry -> into.set(entry.getKey(), entry.getValue()));
        }
    }
}
