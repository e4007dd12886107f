package org.parley.agent.internal;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.parley.agent.api.NotificationSettings;

/** SQL for {@code agent_notification_settings}. */
interface NotificationSettingsMapper {

    /** One row of {@code agent_notification_settings}; MyBatis fills and reads the fields. */
    final class SettingsRow {
        String agentId;
        boolean soundOnNewChat;
        boolean soundOnNewMessage;
        boolean desktopNotifications;

        NotificationSettings toSettings() {
            return new NotificationSettings(soundOnNewChat, soundOnNewMessage, desktopNotifications);
        }
    }

    @Select("SELECT agent_id, sound_on_new_chat, sound_on_new_message, desktop_notifications"
            + " FROM agent_notification_settings WHERE agent_id = #{agentId}")
    SettingsRow byAgent(String agentId);

    @Insert("INSERT INTO agent_notification_settings (agent_id, sound_on_new_chat, sound_on_new_message,"
            + " desktop_notifications) VALUES (#{agentId}, #{soundOnNewChat}, #{soundOnNewMessage},"
            + " #{desktopNotifications})")
    void insert(SettingsRow row);

    @Delete("DELETE FROM agent_notification_settings WHERE agent_id = #{agentId}")
    int delete(String agentId);
}
