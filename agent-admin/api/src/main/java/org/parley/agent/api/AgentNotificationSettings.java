package org.parley.agent.api;

import org.osgi.annotation.versioning.ProviderType;

/** Agents' notification settings. Provided by the agent directory bundle; used by the admin pages, which authorize. */
@ProviderType
public interface AgentNotificationSettings {
    /**
     * The agent's settings: {@link NotificationSettings#DEFAULTS} until they change them.
     *
     * @throws AgentException NOT_FOUND ({@code "agentId"}) for an unknown agent
     */
    NotificationSettings of(String agentId);

    /**
     * Replaces the agent's settings.
     *
     * @return the settings as stored
     * @throws AgentException NOT_FOUND ({@code "agentId"}) for an unknown agent; INVALID ({@code "settings"}) for
     *     null
     */
    NotificationSettings change(String agentId, NotificationSettings settings);
}
