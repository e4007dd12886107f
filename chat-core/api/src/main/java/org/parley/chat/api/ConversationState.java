package org.parley.chat.api;

/** Where a conversation is in its life. */
public enum ConversationState {
    /** Opened by the visitor, or put back in the queue; no agent has it. */
    NEW,
    /** An agent has taken it. */
    ACTIVE,
    /** Ended by an agent or the visitor; writing again starts a new conversation. */
    CLOSED
}
