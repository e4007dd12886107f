package org.parley.chat.api;

/**
 * A conversation changed in a way that moves it in the agents' lists: opened, taken, put back in the queue, closed,
 * or a new message. Each agent works out the conversation's {@link DeskState} from their own point of view.
 *
 * @param conversation the conversation as it is now
 * @param reason what happened
 * @param assigneeView for a {@link Reason#MESSAGE} in an active conversation, the conversation as its agent's list
 *     shows it, read in the transaction that stored the message, so that the agent's list needs no read of its own;
 *     null otherwise (since 1.3)
 */
public record DeskEvent(Conversation conversation, Reason reason, DeskConversation assigneeView) {
    public DeskEvent(Conversation conversation, Reason reason) {
        this(conversation, reason, null);
    }

    /** What happened to the conversation. */
    public enum Reason {
        OPENED,
        TAKEN,
        REQUEUED,
        CLOSED,
        MESSAGE
    }
}
