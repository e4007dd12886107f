package org.parley.agent.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What it takes to create an agent. The directory validates every field; see {@link AgentDirectory#create}. New
 * agents are enabled.
 *
 * @param displayName required, at most 100 characters; surrounding blanks are removed
 * @param username required and unique regardless of case: 3 to 50 letters (a-z), digits, {@code .}, {@code _} or
 *     {@code -}; it cannot be changed later
 * @param password the initial password: 6 to 200 characters
 * @param email an email address of at most 254 characters, unique among agents regardless of case, or null or
 *     blank for none
 * @param description a note of at most 500 characters, or null
 * @param accessLevel {@link AccessLevel#OWNER} only while the installation has no owner
 * @param active whether the agent chats and is handed conversations
 * @param showRealPhoneNumbers whether the agent sees customers' full phone numbers
 * @param maxConcurrentSessions 1 to 1000, or null for no limit
 * @param queueIds ids of existing queues; null for none
 */
public record NewAgent(
        String displayName,
        String username,
        String password,
        String email,
        String description,
        AccessLevel accessLevel,
        boolean active,
        boolean showRealPhoneNumbers,
        Integer maxConcurrentSessions,
        List<String> queueIds) {

    public NewAgent {
        // Nulls inside are kept so that validation can name the field instead of failing here.
        queueIds = queueIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(queueIds));
    }

    /** An active agent in no queue, with masked phone numbers and no session limit. */
    public NewAgent(String displayName, String username, String password, String email, AccessLevel accessLevel) {
        this(displayName, username, password, email, null, accessLevel, true, false, null, List.of());
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "NewAgent[displayName=" + displayName + ", username=" + username + ", password=***, email=" + email
                + ", accessLevel=" + accessLevel + ", active=" + active + ", queueIds=" + queueIds + "]";
    }
}
