package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.Presence;

/** The authorization decisions themselves, for every access level, without HTTP or a database. */
class AgentPermissionsTest {
    private static final Agent OWNER = agent("owner", AccessLevel.OWNER, true);
    private static final Agent FULL = agent("full", AccessLevel.FULL, true);
    private static final Agent INACTIVE_FULL = agent("inactive", AccessLevel.FULL, false);
    private static final Agent LIMITED = agent("limited", AccessLevel.LIMITED, true);
    private static final Agent OTHER = agent("other", AccessLevel.LIMITED, true);

    @Test
    void everySignedInAgentSeesAgentsAndQueues() {
        for (Agent caller : List.of(OWNER, FULL, INACTIVE_FULL, LIMITED)) {
            assertTrue(AgentPermissions.maySeeAgents(caller));
            assertTrue(AgentPermissions.maySeeQueues(caller));
        }
    }

    @Test
    void managersAreOwnerAndFullWhetherActiveOrNot() {
        for (Agent caller : List.of(OWNER, FULL, INACTIVE_FULL)) {
            assertTrue(AgentPermissions.mayCreateAgents(caller), caller.username());
            assertTrue(AgentPermissions.mayChangeStatus(caller), caller.username());
            assertTrue(AgentPermissions.mayChangeQueues(caller), caller.username());
            assertTrue(AgentPermissions.maySeeDetailsOf(caller, OTHER), caller.username());
        }
        assertFalse(AgentPermissions.mayCreateAgents(LIMITED));
        assertFalse(AgentPermissions.mayChangeStatus(LIMITED));
        assertFalse(AgentPermissions.mayChangeQueues(LIMITED));
    }

    @Test
    void limitedAgentsSeeColleaguesWithoutTheirDetails() {
        assertFalse(AgentPermissions.maySeeDetailsOf(LIMITED, OTHER));
        assertFalse(AgentPermissions.maySeeDetailsOf(LIMITED, OWNER));
        assertTrue(AgentPermissions.maySeeDetailsOf(LIMITED, LIMITED));
    }

    @Test
    void onlyTheOwnerTransfersOwnership() {
        assertTrue(AgentPermissions.mayTransferOwnership(OWNER));
        assertFalse(AgentPermissions.mayTransferOwnership(FULL));
        assertFalse(AgentPermissions.mayTransferOwnership(INACTIVE_FULL));
        assertFalse(AgentPermissions.mayTransferOwnership(LIMITED));
    }

    @Test
    void limitedAgentsEditOnlyTheirOwnNameAndPassword() {
        assertAllowed(LIMITED, LIMITED, "displayName", "password");
        for (String field : List.of("email", "description", "accessLevel", "showRealPhoneNumbers",
                "maxConcurrentSessions", "queueIds")) {
            assertRefused(LIMITED, LIMITED, field, field);
        }
        assertRefused(LIMITED, OTHER, null, "displayName");
        assertRefused(LIMITED, OWNER, null, "password");
        assertAllowed(LIMITED, OTHER);
    }

    /** "Their username and email only the owner changes": FULL agents' own email included. */
    @Test
    void fullAgentsEditOthersButNoEmailNorTheOwner() {
        for (Agent caller : List.of(FULL, INACTIVE_FULL)) {
            assertAllowed(caller, OTHER, "displayName", "password", "description", "accessLevel",
                    "showRealPhoneNumbers", "maxConcurrentSessions", "queueIds");
            assertRefused(caller, OTHER, "email", "displayName", "email");
            assertRefused(caller, OWNER, null, "displayName");
            assertRefused(caller, OWNER, "email", "email");
            assertAllowed(caller, caller, "displayName", "password", "accessLevel", "queueIds");
            assertRefused(caller, caller, "email", "email");
            assertRefused(caller, caller, "email", "displayName", "email");
        }
    }

    @Test
    void everyoneSetsTheirOwnPresenceAndManagersSetOthersOfflineOnly() {
        for (Agent caller : List.of(OWNER, FULL, INACTIVE_FULL, LIMITED)) {
            for (Presence presence : Presence.values()) {
                assertEquals(Optional.empty(), AgentPermissions.refusePresence(caller, caller, presence));
            }
        }
        for (Agent caller : List.of(OWNER, FULL, INACTIVE_FULL)) {
            for (Agent target : List.of(OWNER, FULL, OTHER)) {
                if (target != caller) {
                    assertEquals(Optional.empty(), AgentPermissions.refusePresence(caller, target, Presence.OFFLINE));
                    assertEquals("status", AgentPermissions.refusePresence(caller, target, Presence.ONLINE)
                            .orElseThrow().field());
                }
            }
        }
        assertTrue(AgentPermissions.refusePresence(LIMITED, OTHER, Presence.OFFLINE).isPresent());
        assertTrue(AgentPermissions.refusePresence(LIMITED, OWNER, Presence.ONLINE).isPresent());
    }

    @Test
    void avatarsAreOwnOrManagedButTheOwnersIsTheOwners() {
        for (Agent caller : List.of(OWNER, FULL, INACTIVE_FULL, LIMITED)) {
            assertTrue(AgentPermissions.mayChangeAvatarOf(caller, caller), caller.username());
            assertTrue(AgentPermissions.maySeeAvatars(caller));
        }
        assertTrue(AgentPermissions.mayChangeAvatarOf(OWNER, OTHER));
        assertTrue(AgentPermissions.mayChangeAvatarOf(FULL, OTHER));
        assertTrue(AgentPermissions.mayChangeAvatarOf(INACTIVE_FULL, OTHER));
        assertTrue(AgentPermissions.mayChangeAvatarOf(OWNER, FULL));
        assertFalse(AgentPermissions.mayChangeAvatarOf(FULL, OWNER));
        assertFalse(AgentPermissions.mayChangeAvatarOf(LIMITED, OTHER));
        assertFalse(AgentPermissions.mayChangeAvatarOf(LIMITED, OWNER));
    }

    @Test
    void notificationSettingsAreNobodyElses() {
        for (Agent caller : List.of(OWNER, FULL, INACTIVE_FULL, LIMITED)) {
            assertTrue(AgentPermissions.mayUseNotificationSettingsOf(caller, caller.id()));
            assertFalse(AgentPermissions.mayUseNotificationSettingsOf(caller, OTHER.id()), caller.username());
        }
    }

    @Test
    void theOwnerEditsEveryone() {
        for (Agent target : List.of(OWNER, FULL, LIMITED)) {
            assertAllowed(OWNER, target, "displayName", "password", "email", "description", "accessLevel",
                    "showRealPhoneNumbers", "maxConcurrentSessions", "queueIds");
        }
    }

    private static void assertAllowed(Agent caller, Agent target, String... fields) {
        assertEquals(Optional.empty(), AgentPermissions.refuseEdit(caller, target, Set.of(fields)),
                caller.username() + " edits " + target.username() + " " + List.of(fields));
    }

    private static void assertRefused(Agent caller, Agent target, String field, String... fields) {
        Optional<AgentPermissions.Refusal> refusal = AgentPermissions.refuseEdit(caller, target, Set.of(fields));
        assertTrue(refusal.isPresent(), caller.username() + " edits " + target.username() + " " + List.of(fields));
        assertEquals(field, refusal.get().field());
    }

    private static Agent agent(String name, AccessLevel level, boolean active) {
        return new Agent(name + "-id", name, name, null, null, level, active, true, false, null, List.of(),
                Instant.EPOCH);
    }
}
