package org.parley.chat.api;

/**
 * A conversation changed in a way that moves it in the agents' lists: opened, taken, put back in the queue, closed,
 * or a new message. Each agent works out the conversation's {@link DeskState} from their own point of view.
 *
 * @param conversation the conversation as it is now
 * @param reason what happened
 */
public record DeskEvent(Conversation conversation, Reason reason) {
    /** What happened to the conversation. */
    public enum Reason {
        OPENED,
        TAKEN,
        REQUEUED,
        CLOSED,
        MESSAGE
    }
}
