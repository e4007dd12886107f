package org.parley.chat.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** Visitors, their conversations and messages. Provided by chat core; used by the transports and other bundles. */
@ProviderType
public interface Conversations {
    /** The longest message text, in characters (Unicode code points). */
    int MAX_TEXT_LENGTH = 4000;

    /** The longest client message id, in characters. */
    int MAX_CLIENT_MESSAGE_ID_LENGTH = 64;

    /** Creates an anonymous visitor and its secret token. */
    NewVisitor createVisitor();

    /** The visitor whose token this is, if any. */
    Optional<Visitor> visitorByToken(String token);

    /** Opens a new conversation for the visitor. */
    Conversation open(String visitorId);

    /** The conversation with this id, if it exists. */
    Optional<Conversation> find(String conversationId);

    /**
     * Stores a message and then hands it to the conversation's subscribers. A visitor who writes to a closed
     * conversation starts a new one, which {@link Message#conversationId()} of the answer names; the closed one stays
     * in the visitor's history, and the same client message id sent again lands in the same new conversation.
     *
     * @param clientMessageId the sender's id for the message; null lets the server choose one
     * @throws ChatException when the conversation is unknown (for a visitor, also when it is another visitor's), or
     *     closed for an agent or the system, or the visitor is blocked, or the text or id is invalid
     */
    PostedMessage post(String conversationId, Sender sender, String clientMessageId, String text);

    /**
     * {@link #post} without holding the caller's thread while the message waits to be stored: the answer completes,
     * on the thread that stored it, once it is stored and handed to the subscribers, or fails with the
     * {@link ChatException} that {@link #post} would throw (BUSY when too many messages are waiting). For callers that
     * serve many connections from few threads, such as the WebSocket. What the caller chains to the answer runs on
     * that storing thread: keep it short and never block in it (hand slow work to an executor of your own).
     *
     * @since 1.4
     */
    CompletionStage<PostedMessage> postAsync(String conversationId, Sender sender, String clientMessageId, String text);

    /**
     * Ends the conversation, with a system message saying who closed it; writing again starts a new conversation.
     *
     * @param closedBy the visitor or agent who closes it; the caller checks that they may
     * @throws ChatException NOT_FOUND for an unknown conversation; CLOSED when it is closed already
     */
    Conversation close(String conversationId, Sender closedBy);

    /** The visitor's conversations, newest first: the history agents see beside the current one. */
    List<Conversation> conversationsOf(String visitorId);

    /**
     * Marks the conversation's messages up to {@code seq} as seen by its visitor (read receipts for the agents); a
     * lower number than before changes nothing.
     *
     * @return the visitor's mark afterwards: {@code seq}, or the higher one they had already
     * @throws ChatException NOT_FOUND; INVALID ({@code "seq"}) below 0 or after the newest message
     * @since 1.2
     */
    long markSeenByVisitor(String conversationId, long seq);

    /**
     * How far the conversation has been read: by its visitor, and by the agents (the highest mark of any agent), for
     * "Seen" after a reload. 0 where nobody has marked anything.
     *
     * @throws ChatException NOT_FOUND
     * @since 1.2
     */
    SeenMarks seenMarks(String conversationId);

    /** Up to {@code limit} messages with a sequence number above {@code afterSeq}, oldest first. */
    List<Message> messagesAfter(String conversationId, long afterSeq, int limit);

    /**
     * Subscribes to the conversation's new messages until the returned handle is closed. Combine with
     * {@link #messagesAfter} to catch up on what was stored before.
     */
    Subscription subscribe(String conversationId, MessageSubscriber subscriber);

    /** An open subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
