package org.parley.chat.internal;

import java.util.UUID;
import java.util.regex.Pattern;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversations;

/** What a message must look like before it is stored. */
final class MessageRules {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + Conversations.MAX_CLIENT_MESSAGE_ID_LENGTH + "}");

    private MessageRules() {}

    static String checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new ChatException(ChatException.Reason.INVALID, "text", "The message text is missing or blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > Conversations.MAX_TEXT_LENGTH) {
            throw new ChatException(ChatException.Reason.INVALID, "text", "The message text has " + length
                    + " characters; at most " + Conversations.MAX_TEXT_LENGTH + " are allowed");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ChatException(ChatException.Reason.INVALID, "text", "The message text contains a NUL character");
        }
        return text;
    }

    /** The client's id for the message, or a new one when the client gave none. */
    static String checkClientMessageId(String clientMessageId) {
        if (clientMessageId == null) {
            return UUID.randomUUID().toString();
        }
        if (!CLIENT_ID.matcher(clientMessageId).matches()) {
            throw new ChatException(ChatException.Reason.INVALID, "clientMessageId",
                    "The client message id must be 1 to " + Conversations.MAX_CLIENT_MESSAGE_ID_LENGTH
                            + " letters, digits or . _ : -");
        }
        return clientMessageId;
    }
}
