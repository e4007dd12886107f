package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.rest.testing.OpenApiFragment;

/** Keeps openapi/agents.json true: it documents exactly the operations the resources serve, and their refusals. */
class OpenApiDocumentTest {
    private final OpenApiFragment fragment = OpenApiFragment.load("/openapi/agents.json");

    @Test
    void documentsExactlyTheServedOperations() {
        assertEquals(OpenApiFragment.servedOperations(
                        SessionResource.class, SetupResource.class, AgentResource.class, QueueResource.class,
                        UsageResource.class, PlanResource.class, InvitationResource.class, AgentEventResource.class,
                        PresenceResource.class, AvatarResource.class, NotificationSettingsResource.class),
                fragment.documentedOperations());
    }

    @Test
    void everyReferenceResolves() {
        assertEquals(Set.of(), fragment.unresolvedReferences());
    }

    /** 401 without a session; 403 on changes, for the CSRF token and the access level. */
    @Test
    void everyOperationWithASessionDocumentsItsRefusals() {
        fragment.document().get("paths").forEach(path -> path.forEach(operation -> {
            String id = operation.get("operationId").asText();
            JsonNode security = operation.path("security");
            if (!security.isMissingNode()) {
                assertTrue(operation.get("responses").has("401"), id + " documents 401");
            }
            if (security.toString().contains("csrfToken")) {
                assertTrue(operation.get("responses").has("403"), id + " documents 403");
            }
        }));
    }

    @Test
    void documentsTheThrottleTheServerEnforces() {
        String signIn = fragment.document().at("/paths/~1session/post/description").asText();
        assertTrue(signIn.contains(SignInThrottle.PER_ACCOUNT + " failures on one login or "
                + SignInThrottle.PER_ADDRESS + " from one address within " + SignInThrottle.WINDOW.toMinutes()
                + " minutes"), signIn);
        assertTrue(fragment.document().at("/paths/~1session/post/responses").has("429"));
    }

    @Test
    void documentsTheBulkActionsTheServerTakes() {
        JsonNode actions = fragment.document().at("/components/schemas/BulkAction/properties/action/enum");
        assertEquals(AgentStatusActions.ACTIONS.toString(),
                new ObjectMapper().convertValue(actions, List.class).toString());
    }
}
