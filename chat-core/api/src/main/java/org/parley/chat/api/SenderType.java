package org.parley.chat.api;

/** Who wrote a message. */
public enum SenderType {
    /** The visitor on the shop. */
    VISITOR,
    /** An agent in the desk. */
    AGENT,
    /** Parley itself, for events such as an agent joining or the chat closing. */
    SYSTEM
}
