package org.parley.chat.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.chat.api.Visitor;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A visitor's message sent over the WebSocket ({@code send} frame): the same checks, limits and storing as
 * {@code POST /api/v1/conversations/{id}/messages}, answered with a {@code sent} frame once stored, or an
 * {@code error} frame naming the client message id. Saves the widget an HTTP request per message while its socket is
 * open.
 */
final class SocketMessages {
    private static final Logger LOG = LoggerFactory.getLogger(SocketMessages.class);
    private final Conversations conversations;
    private final VisitorLimits limits;

    SocketMessages(Conversations conversations, VisitorLimits limits) {
        this.conversations = conversations;
        this.limits = limits;
    }

    /**
     * Stores the frame's message for the visitor and answers through {@code frames}: at once when the frame is refused,
     * else once the message is stored, from the writer's thread. The calling thread (one of the server's few) never
     * waits for the store: while it did, a backlog of messages held every server thread and the other connections'
     * frames, pings included, went unread until their sockets timed out (docs/performance.md, twelfth round).
     */
    void send(Visitor visitor, JsonNode frame, Consumer<Object> frames) {
        JsonNode clientId = frame.path("clientMessageId");
        String clientMessageId = clientId.isTextual() ? clientId.asText() : null;
        try {
            if (clientMessageId == null) {
                throw ProblemException.invalid("clientMessageId",
                        "A message sent over the WebSocket needs its 'clientMessageId', so that a resend is stored once");
            }
            JsonNode text = frame.path("text");
            if (!text.isTextual()) {
                throw ProblemException.invalid("text", "'text' must be a string");
            }
            limits.newMessage(visitor.id());
            conversations.postAsync(frame.path("conversationId").asText(""), Sender.visitor(visitor.id()),
                    clientMessageId, text.asText()).whenComplete((posted, failure) -> frames.accept(
                            failure == null ? sent(clientMessageId, posted) : failed(failure, clientMessageId)));
        } catch (ChatException e) {
            frames.accept(failed(e, clientMessageId));
        } catch (ProblemException e) {
            String retryAfter = e.getResponse().getHeaderString("Retry-After");
            frames.accept(error(e.problem(), e.problem().field(), clientMessageId,
                    retryAfter == null ? null : Long.valueOf(retryAfter)));
        }
    }

    private static Map<String, Object> sent(String clientMessageId, PostedMessage posted) {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("type", "sent");
        sent.put("clientMessageId", clientMessageId);
        sent.put("created", posted.created());
        sent.put("message", Json.MessageView.of(posted.message()));
        return sent;
    }

    /** The error frame for a message refused (a {@link ChatException}, wrapped or not) or failed unexpectedly. */
    private static Map<String, Object> failed(Throwable failure, String clientMessageId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ChatException e) {
            return error(ChatProblems.problem(e), e.field(), clientMessageId, null);
        }
        LOG.error("Storing a visitor's message failed", cause);
        return ChatSocket.errorFrame(500, "Internal error",
                "The message could not be stored; send it again with the same client message id", null,
                clientMessageId, null);
    }

    private static Map<String, Object> error(Problem problem, String field, String clientMessageId,
            Long retryAfter) {
        return ChatSocket.errorFrame(problem.status(), problem.title(), problem.detail(), field, clientMessageId,
                retryAfter);
    }
}
