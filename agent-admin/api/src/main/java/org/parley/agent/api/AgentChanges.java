package org.parley.agent.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An agent's editable fields, all given at once as the edit dialog shows them: start from {@link #of(Agent)} and
 * change what the user changed. The username cannot be changed; enabling and activating have their own methods.
 *
 * @param displayName required, at most 100 characters
 * @param password a new password of 6 to 200 characters, or null or blank to keep the current one
 * @param email the new address, or null or blank to remove it
 * @param description the new note of at most 500 characters, or null for none
 * @param accessLevel FULL or LIMITED; the owner stays OWNER (ownership moves only by
 *     {@link AgentDirectory#transferOwnership})
 * @param showRealPhoneNumbers whether the agent sees customers' full phone numbers
 * @param maxConcurrentSessions 1 to 1000, or null for no limit
 * @param queueIds ids of existing queues the agent belongs to from now on; null for none
 */
public record AgentChanges(
        String displayName,
        String password,
        String email,
        String description,
        AccessLevel accessLevel,
        boolean showRealPhoneNumbers,
        Integer maxConcurrentSessions,
        List<String> queueIds) {

    public AgentChanges {
        queueIds = queueIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(queueIds));
    }

    /** The agent's current values, keeping the password. */
    public static AgentChanges of(Agent agent) {
        return new AgentChanges(agent.displayName(), null, agent.email(), agent.description(), agent.accessLevel(),
                agent.showRealPhoneNumbers(), agent.maxConcurrentSessions(),
                agent.queues().stream().map(Queue::id).toList());
    }

    public AgentChanges withDisplayName(String value) {
        return new AgentChanges(value, password, email, description, accessLevel, showRealPhoneNumbers,
                maxConcurrentSessions, queueIds);
    }

    public AgentChanges withPassword(String value) {
        return new AgentChanges(displayName, value, email, description, accessLevel, showRealPhoneNumbers,
                maxConcurrentSessions, queueIds);
    }

    public AgentChanges withEmail(String value) {
        return new AgentChanges(displayName, password, value, description, accessLevel, showRealPhoneNumbers,
                maxConcurrentSessions, queueIds);
    }

    public AgentChanges withDescription(String value) {
        return new AgentChanges(displayName, password, email, value, accessLevel, showRealPhoneNumbers,
                maxConcurrentSessions, queueIds);
    }

    public AgentChanges withAccessLevel(AccessLevel value) {
        return new AgentChanges(displayName, password, email, description, value, showRealPhoneNumbers,
                maxConcurrentSessions, queueIds);
    }

    public AgentChanges withShowRealPhoneNumbers(boolean value) {
        return new AgentChanges(displayName, password, email, description, accessLevel, value,
                maxConcurrentSessions, queueIds);
    }

    public AgentChanges withMaxConcurrentSessions(Integer value) {
        return new AgentChanges(displayName, password, email, description, accessLevel, showRealPhoneNumbers, value,
                queueIds);
    }

    public AgentChanges withQueueIds(List<String> value) {
        return new AgentChanges(displayName, password, email, description, accessLevel, showRealPhoneNumbers,
                maxConcurrentSessions, value);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "AgentChanges[displayName=" + displayName + ", password=" + (password == null ? "null" : "***")
                + ", email=" + email + ", accessLevel=" + accessLevel + ", queueIds=" + queueIds + "]";
    }
}
