package org.parley.chat.api;

/** How a conversation looks in one agent's list: exactly one of these, from the agent's point of view. */
public enum DeskState {
    /** Waiting in the queue for an agent to take it. */
    NEW_CHAT,
    /** The agent's own chat, with visitor messages the agent has not seen yet. */
    NEW_MESSAGES,
    /** The agent's own chat, with nothing new from the visitor. */
    ACTIVE,
    /** Not in conversation with this agent: closed, or another agent's. */
    NOT_IN_CONVERSATION
}
