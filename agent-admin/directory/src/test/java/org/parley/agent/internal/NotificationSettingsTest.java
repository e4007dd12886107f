package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NotificationSettings;
import org.parley.platform.database.TestDatabase;

class NotificationSettingsTest {

    @OnEachDatabase
    void defaultsUntilChangedThenAsStored(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            assertEquals(new NotificationSettings(true, true, false), directory.notificationSettings.of(jane.id()));

            NotificationSettings quiet = new NotificationSettings(false, false, true);
            assertEquals(quiet, directory.notificationSettings.change(jane.id(), quiet));
            assertEquals(quiet, directory.notificationSettings.of(jane.id()));
            assertEquals(NotificationSettings.DEFAULTS, directory.notificationSettings.of(sam.id()), "per agent");

            NotificationSettings loud = new NotificationSettings(true, false, true);
            directory.notificationSettings.change(jane.id(), loud);
            assertEquals(loud, directory.notificationSettings.of(jane.id()));
        }
    }

    @OnEachDatabase
    void refusesUnknownAgentsAndNothing(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            directory.assertRefused(NOT_FOUND, "agentId", () -> directory.notificationSettings.of("nobody"));
            directory.assertRefused(NOT_FOUND, "agentId",
                    () -> directory.notificationSettings.change("nobody", NotificationSettings.DEFAULTS));
            directory.assertRefused(INVALID, "settings", () -> directory.notificationSettings.change(jane.id(), null));
            directory.notificationSettings.change(jane.id(), new NotificationSettings(false, false, false));
            directory.agents.delete(List.of(jane.id()));
            directory.assertRefused(NOT_FOUND, "agentId", () -> directory.notificationSettings.of(jane.id()));
        }
    }
}
