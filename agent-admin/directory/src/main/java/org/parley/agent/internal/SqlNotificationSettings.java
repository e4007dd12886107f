package org.parley.agent.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.AgentNotificationSettings;
import org.parley.agent.api.NotificationSettings;
import org.parley.agent.internal.NotificationSettingsMapper.SettingsRow;

/** Notification settings in {@code agent_notification_settings}: a row only for agents who changed theirs. */
@Component(service = AgentNotificationSettings.class)
public final class SqlNotificationSettings implements AgentNotificationSettings {
    private final AgentDatabase database;

    @Activate
    public SqlNotificationSettings(@Reference AgentDatabase database) {
        this.database = database;
    }

    @Override
    public NotificationSettings of(String agentId) {
        return database.read(session -> {
            AgentRow.require(session, agentId, "agentId");
            SettingsRow row = session.getMapper(NotificationSettingsMapper.class).byAgent(agentId);
            return row == null ? NotificationSettings.DEFAULTS : row.toSettings();
        });
    }

    @Override
    public NotificationSettings change(String agentId, NotificationSettings settings) {
        if (settings == null) {
            throw FieldRules.invalid("settings", "No notification settings given");
        }
        SettingsRow row = new SettingsRow();
        row.agentId = agentId;
        row.soundOnNewChat = settings.soundOnNewChat();
        row.soundOnNewMessage = settings.soundOnNewMessage();
        row.desktopNotifications = settings.desktopNotifications();
        return database.write(session -> {
            AgentRow.require(session, agentId, "agentId");
            NotificationSettingsMapper mapper = session.getMapper(NotificationSettingsMapper.class);
            mapper.delete(agentId);
            mapper.insert(row);
            return row.toSettings();
        }, session -> AgentRow.require(session, agentId, "agentId"));
    }
}
