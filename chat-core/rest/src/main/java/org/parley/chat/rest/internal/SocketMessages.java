package org.parley.chat.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.chat.api.Visitor;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * A visitor's message sent over the WebSocket ({@code send} frame): the same checks, limits and storing as
 * {@code POST /api/v1/conversations/{id}/messages}, answered with a {@code sent} frame once stored, or an
 * {@code error} frame naming the client message id. Saves the widget an HTTP request per message while its socket is
 * open.
 */
final class SocketMessages {
    private final Conversations conversations;
    private final VisitorLimits limits;

    SocketMessages(Conversations conversations, VisitorLimits limits) {
        this.conversations = conversations;
        this.limits = limits;
    }

    /** Stores the frame's message for the visitor and answers through {@code frames}. */
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
            PostedMessage posted = conversations.post(frame.path("conversationId").asText(""),
                    Sender.visitor(visitor.id()), clientMessageId, text.asText());
            Map<String, Object> sent = new LinkedHashMap<>();
            sent.put("type", "sent");
            sent.put("clientMessageId", clientMessageId);
            sent.put("created", posted.created());
            sent.put("message", Json.MessageView.of(posted.message()));
            frames.accept(sent);
        } catch (ChatException e) {
            frames.accept(error(ChatProblems.problem(e), e.field(), clientMessageId, null));
        } catch (ProblemException e) {
            String retryAfter = e.getResponse().getHeaderString("Retry-After");
            frames.accept(error(e.problem(), e.problem().field(), clientMessageId,
                    retryAfter == null ? null : Long.valueOf(retryAfter)));
        }
    }

    private static Map<String, Object> error(Problem problem, String field, String clientMessageId,
            Long retryAfter) {
        return ChatSocket.errorFrame(problem.status(), problem.title(), problem.detail(), field, clientMessageId,
                retryAfter);
    }
}
