package org.parley.chat.rest.internal;

import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Visitor;
import org.parley.rest.problem.ProblemException;

/** Who the caller is (the visitor whose bearer token came with the request) and what they may see. */
final class VisitorAccess {
    private final Conversations conversations;

    VisitorAccess(Conversations conversations) {
        this.conversations = conversations;
    }

    /** The visitor of an {@code Authorization: Bearer <token>} header; 401 otherwise. */
    Visitor visitor(String authorization) {
        String token = bearer(authorization);
        return conversations.visitorByToken(token).orElseThrow(() -> ProblemException.unauthorized(
                token == null ? "Send the visitor token as 'Authorization: Bearer <token>'" : "Unknown visitor token"));
    }

    /** The visitor's own conversation; another visitor's answers 404 like a missing one, so ids cannot be probed. */
    Conversation conversation(Visitor visitor, String conversationId) {
        return conversations.find(conversationId)
                .filter(conversation -> conversation.visitorId().equals(visitor.id()))
                .orElseThrow(() -> ProblemException.notFound("No such conversation: " + conversationId));
    }

    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
