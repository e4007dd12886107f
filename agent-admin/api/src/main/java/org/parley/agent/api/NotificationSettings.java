package org.parley.agent.api;

/**
 * How an agent's workspace calls for attention; each agent sets their own.
 *
 * @param soundOnNewChat play a sound when a visitor starts a conversation
 * @param soundOnNewMessage play a sound when a message arrives
 * @param desktopNotifications show the browser's desktop notifications
 */
public record NotificationSettings(boolean soundOnNewChat, boolean soundOnNewMessage, boolean desktopNotifications) {
    /** What an agent has until they change it: sounds on, desktop notifications off (the browser must ask first). */
    public static final NotificationSettings DEFAULTS = new NotificationSettings(true, true, false);
}
