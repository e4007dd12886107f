package org.parley.agent.api;

/**
 * A request to the agent directory that cannot be carried out; nothing was changed. {@link #field()} names the
 * record component or method parameter at fault, so that a REST resource can answer with problem details naming
 * the field, and {@link #getMessage()} says what is wrong in words fit for the person who entered it.
 */
public class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** No agent or queue has the given id (HTTP 404). */
        NOT_FOUND,
        /** A field is missing or malformed (HTTP 400). */
        INVALID,
        /**
         * The field is well-formed but clashes with what is stored: a username, email or queue name already taken,
         * a second owner, deleting or disabling the owner (HTTP 409).
         */
        CONFLICT
    }

    private final Reason reason;
    private final String field;

    public AgentException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The field at fault, e.g. {@code "username"}, or null when the request as a whole is refused. */
    public String field() {
        return field;
    }
}
