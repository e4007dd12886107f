package org.parley.chat.api;

/** A chat request that cannot be carried out; nothing was changed. */
public class ChatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** The conversation does not exist, or the caller may not see it. */
        NOT_FOUND,
        /** A field of the request is invalid; {@link #field()} names it. */
        INVALID,
        /** The conversation is closed. */
        CLOSED,
        /**
         * The request clashes with the conversation's or the agent's state: another agent took the conversation
         * first, or the agent already has as many conversations as they may (HTTP 409).
         */
        CONFLICT,
        /** The caller may read the conversation but not do this: an inactive agent, or another agent's chat (403). */
        FORBIDDEN,
        /** The visitor is blocked: they cannot open conversations or write (HTTP 403, since 1.2). */
        BLOCKED,
        /**
         * Parley could not store the message in time because too many are waiting; sending it again with the same
         * client message id stores it at most once (HTTP 503, since 1.3).
         */
        BUSY
    }

    private final Reason reason;
    private final String field;

    public ChatException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
