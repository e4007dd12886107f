package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.parley.chat.api.Message;
import org.parley.chat.api.Sender;
import org.parley.chat.api.SenderType;

/** A row of chat_message, filled by MyBatis. */
final class MessageRow {
    String conversationId;
    long seq;
    String clientMessageId;
    String senderType;
    String senderId;
    String senderName;
    String body;
    OffsetDateTime createdAt;

    static MessageRow of(Message message) {
        MessageRow row = new MessageRow();
        row.conversationId = message.conversationId();
        row.seq = message.seq();
        row.clientMessageId = message.clientMessageId();
        row.senderType = message.sender().type().name();
        row.senderId = message.sender().id();
        row.senderName = message.sender().name();
        row.body = message.text();
        row.createdAt = message.createdAt().atOffset(java.time.ZoneOffset.UTC);
        return row;
    }

    Message toMessage() {
        return new Message(conversationId, seq, clientMessageId, new Sender(SenderType.valueOf(senderType), senderId, senderName),
                body, createdAt.toInstant());
    }
}
