package org.parley.chat.api;

/**
 * A conversation as one agent's desk lists it.
 *
 * @param conversation the conversation
 * @param deskState how it looks to this agent
 * @param unread the visitor's messages after the last one this agent marked seen
 * @param lastMessage its newest message, or null when it has none
 */
public record DeskConversation(Conversation conversation, DeskState deskState, long unread, Message lastMessage) {}
