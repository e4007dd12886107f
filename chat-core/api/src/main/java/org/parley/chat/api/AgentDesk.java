package org.parley.chat.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.parley.agent.api.Agent;

/**
 * The agents' side of conversations: the queue, taking a chat, answering, marking messages seen and closing.
 * Provided by chat core; used by the desk transports, which authenticate the agent first.
 *
 * <p>Only active agents chat (take, answer, close); inactive agents may read. Every agent may read every
 * conversation.
 */
@ProviderType
public interface AgentDesk {
    /** The most conversations one list returns. */
    int MAX_LIST = 500;

    /**
     * The agent's list: first the queue and the agent's own chats, then the others, most recently changed first.
     *
     * @param limit at most this many, 1 to {@link #MAX_LIST}
     */
    List<DeskConversation> conversations(String agentId, int limit);

    /** One conversation from the agent's point of view. */
    DeskConversation conversation(String agentId, String conversationId);

    /** The visitor's conversations from the agent's point of view, newest first. */
    List<DeskConversation> conversationsOfVisitor(String agentId, String visitorId);

    /**
     * Takes a conversation from the queue, with a system message "<name> joined the chat". Of agents taking the same
     * conversation at once, exactly one succeeds. Taking one's own chat again changes nothing.
     *
     * @throws ChatException FORBIDDEN for an inactive or disabled agent; NOT_FOUND; CLOSED; CONFLICT when another
     *     agent has it, or when the agent already has {@link Agent#maxConcurrentSessions()} chats
     */
    Conversation take(String conversationId, Agent agent);

    /**
     * Posts the agent's message, with their display name, to a chat the agent has.
     *
     * @throws ChatException FORBIDDEN for an inactive agent or a chat the agent does not have (take it first);
     *     NOT_FOUND; CLOSED; INVALID for the text or client message id
     */
    PostedMessage reply(String conversationId, Agent agent, String clientMessageId, String text);

    /**
     * Marks the conversation's messages up to {@code seq} as seen by the agent; a lower number than before changes
     * nothing.
     *
     * @throws ChatException NOT_FOUND; INVALID ({@code "seq"}) below 0 or after the newest message
     */
    void markSeen(String conversationId, String agentId, long seq);

    /**
     * Closes a chat the agent has, or one waiting in the queue, with a system message.
     *
     * @throws ChatException FORBIDDEN for an inactive agent or another agent's chat; NOT_FOUND; CLOSED
     */
    Conversation close(String conversationId, Agent agent);

    /** Subscribes to every change of the agents' lists until the returned handle is closed. */
    Conversations.Subscription subscribe(DeskSubscriber subscriber);
}
