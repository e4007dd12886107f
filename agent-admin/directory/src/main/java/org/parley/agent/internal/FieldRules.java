package org.parley.agent.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.AgentException.Reason;

/**
 * What the fields of agents and queues may hold. Each method returns the value as stored (trimmed, blanks as null)
 * or throws an {@link AgentException} naming the field; none touches the database.
 */
final class FieldRules {
    static final int MAX_DISPLAY_NAME = 100;
    static final int MIN_PASSWORD = 6;
    static final int MAX_PASSWORD = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_SESSIONS = 1000;
    static final int MAX_QUEUE_NAME = 100;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");
    // Deliberately loose: a local part without blanks or specials, and a domain of at least two labels. Whether the
    // address receives mail only sending can tell.
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*\\.\\p{L}{2,}");

    private FieldRules() {}

    static String displayName(String value) {
        return requiredText("displayName", "Display name", value, MAX_DISPLAY_NAME);
    }

    static String username(String value) {
        String username = value == null ? "" : value.trim();
        if (username.isEmpty()) {
            throw invalid("username", "Username is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw invalid("username", "Username must be 3 to 50 characters: letters a-z, digits, '.', '_' or '-'");
        }
        return username;
    }

    /** A password to set; not trimmed, since blanks may be part of it. */
    static String password(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("password", "Password is required");
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_PASSWORD) {
            throw invalid("password", "Password must be at least " + MIN_PASSWORD + " characters");
        }
        if (length > MAX_PASSWORD) {
            throw invalid("password", "Password must be at most " + MAX_PASSWORD + " characters");
        }
        return value;
    }

    /** An email address, or null for none. */
    static String email(String value) {
        String email = optionalText(value);
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            throw invalid("email", "Email address is not valid");
        }
        return email;
    }

    static String description(String value) {
        String description = optionalText(value);
        if (description != null && length(description) > MAX_DESCRIPTION) {
            throw invalid("description", "Description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    static AccessLevel accessLevel(AccessLevel value) {
        if (value == null) {
            throw invalid("accessLevel", "Access level is required");
        }
        return value;
    }

    static Integer maxConcurrentSessions(Integer value) {
        if (value != null && (value < 1 || value > MAX_SESSIONS)) {
            throw invalid("maxConcurrentSessions",
                    "Max concurrent sessions must be 1 to " + MAX_SESSIONS + ", or empty for unlimited");
        }
        return value;
    }

    static String queueName(String value) {
        return requiredText("name", "Queue name", value, MAX_QUEUE_NAME);
    }

    /** The ids without repeats, in the order given. */
    static List<String> ids(String field, Collection<String> values) {
        if (values == null) {
            throw invalid(field, "No ids given");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw invalid(field, "An id is empty");
            }
            ids.add(value.trim());
        }
        return List.copyOf(ids);
    }

    /** The form in which usernames, emails and queue names are compared: case does not matter. */
    static String key(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    static AgentException invalid(String field, String message) {
        return new AgentException(Reason.INVALID, field, message);
    }

    static AgentException conflict(String field, String message) {
        return new AgentException(Reason.CONFLICT, field, message);
    }

    static AgentException notFound(String field, String message) {
        return new AgentException(Reason.NOT_FOUND, field, message);
    }

    private static String requiredText(String field, String label, String value, int max) {
        String text = optionalText(value);
        if (text == null) {
            throw invalid(field, label + " is required");
        }
        if (length(text) > max) {
            throw invalid(field, label + " must be at most " + max + " characters");
        }
        return text;
    }

    private static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
