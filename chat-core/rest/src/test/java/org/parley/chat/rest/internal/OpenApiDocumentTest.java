package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.VisitorRecords;
import org.parley.rest.testing.OpenApiFragment;

/** Keeps openapi/chat.json true: it documents exactly the operations the resources serve. */
class OpenApiDocumentTest {
    private final OpenApiFragment fragment = OpenApiFragment.load("/openapi/chat.json");

    @Test
    void documentsExactlyTheServedOperations() {
        assertEquals(OpenApiFragment.servedOperations(VisitorResource.class, ConversationResource.class,
                DeskResource.class, DeskVisitorResource.class, WidgetResource.class, StreamResource.class),
                fragment.documentedOperations());
    }

    @Test
    void everyReferenceResolvesAndEveryOperationWithATokenDocuments401() {
        assertEquals(Set.of(), fragment.unresolvedReferences());
        fragment.document().get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("security")) {
                assertTrue(operation.get("responses").has("401"), operation.get("operationId") + " documents 401");
            }
        }));
    }

    @Test
    void documentsTheMessageLimitTheServerEnforces() {
        assertEquals(Conversations.MAX_TEXT_LENGTH,
                fragment.document().at("/components/schemas/NewMessage/properties/text/maxLength").asInt());
    }

    @Test
    void documentsTheVisitorInfoLimitsTheServerEnforces() {
        assertEquals(VisitorRecords.MAX_NAME_LENGTH,
                fragment.document().at("/components/schemas/VisitorIdentity/properties/name/maxLength").asInt());
        assertEquals(VisitorRecords.MAX_EMAIL_LENGTH,
                fragment.document().at("/components/schemas/VisitorIdentity/properties/email/maxLength").asInt());
        assertEquals(VisitorRecords.MAX_URL_LENGTH,
                fragment.document().at("/components/schemas/NewPageView/properties/url/maxLength").asInt());
        assertEquals(VisitorRecords.MAX_NOTE_LENGTH,
                fragment.document().at("/components/schemas/NoteText/properties/text/maxLength").asInt());
    }
}
