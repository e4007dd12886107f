package org.parley.agent.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentChanges;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * A PATCH of an agent, read as a JSON merge patch (RFC 7396): fields left out stay as they are; {@code null} or
 * {@code ""} removes the email and the note, and {@code null} lifts the session limit. A password is set when one
 * is given; {@code currentPassword} proves it is the agent changing their own.
 */
final class AgentPatch {
    private static final Set<String> FIELDS = Set.of("displayName", "password", "currentPassword", "email",
            "description", "accessLevel", "showRealPhoneNumbers", "maxConcurrentSessions", "queueIds");

    final AgentChanges changes;
    final String currentPassword;

    private AgentPatch(AgentChanges changes, String currentPassword) {
        this.changes = changes;
        this.currentPassword = currentPassword;
    }

    /** Applies the body to the agent's current values; a field of the wrong type is 400 naming it. */
    static AgentPatch read(JsonNode body, AgentChanges current) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problem.of(400, "Invalid request", "The request body must be a JSON object"));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ProblemException.invalid(name, "Unknown field '" + name + "'");
            }
        });
        AgentChanges changes = current;
        if (body.has("displayName")) {
            changes = changes.withDisplayName(text(body, "displayName"));
        }
        if (body.has("password")) {
            changes = changes.withPassword(text(body, "password"));
        }
        if (body.has("email")) {
            changes = changes.withEmail(text(body, "email"));
        }
        if (body.has("description")) {
            changes = changes.withDescription(text(body, "description"));
        }
        if (body.has("accessLevel")) {
            changes = changes.withAccessLevel(accessLevel(body));
        }
        if (body.has("showRealPhoneNumbers")) {
            JsonNode value = body.get("showRealPhoneNumbers");
            if (!value.isBoolean()) {
                throw ProblemException.invalid("showRealPhoneNumbers", "'showRealPhoneNumbers' must be true or false");
            }
            changes = changes.withShowRealPhoneNumbers(value.booleanValue());
        }
        if (body.has("maxConcurrentSessions")) {
            JsonNode value = body.get("maxConcurrentSessions");
            if (!value.isNull() && !(value.isIntegralNumber() && value.canConvertToInt())) {
                throw ProblemException.invalid("maxConcurrentSessions",
                        "'maxConcurrentSessions' must be a whole number or null for no limit");
            }
            changes = changes.withMaxConcurrentSessions(value.isNull() ? null : value.intValue());
        }
        if (body.has("queueIds")) {
            changes = changes.withQueueIds(ids(body));
        }
        return new AgentPatch(changes, body.has("currentPassword") ? text(body, "currentPassword") : null);
    }

    /** The fields whose values this patch changes, by AgentChanges' component names. */
    Set<String> changedFrom(AgentChanges current) {
        Set<String> changed = new LinkedHashSet<>();
        if (!Objects.equals(changes.displayName(), current.displayName())) {
            changed.add("displayName");
        }
        if (changes.password() != null && !changes.password().isBlank()) {
            changed.add("password");
        }
        if (!Objects.equals(blankAsNull(changes.email()), blankAsNull(current.email()))) {
            changed.add("email");
        }
        if (!Objects.equals(blankAsNull(changes.description()), blankAsNull(current.description()))) {
            changed.add("description");
        }
        if (changes.accessLevel() != current.accessLevel()) {
            changed.add("accessLevel");
        }
        if (changes.showRealPhoneNumbers() != current.showRealPhoneNumbers()) {
            changed.add("showRealPhoneNumbers");
        }
        if (!Objects.equals(changes.maxConcurrentSessions(), current.maxConcurrentSessions())) {
            changed.add("maxConcurrentSessions");
        }
        if (!Set.copyOf(changes.queueIds()).equals(Set.copyOf(current.queueIds()))) {
            changed.add("queueIds");
        }
        return changed;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.invalid(field, "'" + field + "' must be text");
        }
        return value.textValue();
    }

    private static AccessLevel accessLevel(JsonNode body) {
        String value = text(body, "accessLevel");
        try {
            return value == null ? null : AccessLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("accessLevel", "'accessLevel' must be OWNER, FULL or LIMITED");
        }
    }

    private static List<String> ids(JsonNode body) {
        JsonNode value = body.get("queueIds");
        List<String> ids = new ArrayList<>();
        if (value.isNull()) {
            return ids;
        }
        if (!value.isArray()) {
            throw ProblemException.invalid("queueIds", "'queueIds' must be a list of queue ids");
        }
        for (JsonNode id : value) {
            if (!id.isTextual()) {
                throw ProblemException.invalid("queueIds", "'queueIds' must be a list of queue ids");
            }
            ids.add(id.textValue());
        }
        return ids;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
