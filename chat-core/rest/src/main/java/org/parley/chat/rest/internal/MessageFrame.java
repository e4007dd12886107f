package org.parley.chat.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.parley.chat.api.Message;

/**
 * A {@code message} frame, serialized once for every connection it goes to (the visitor's tabs and the agents who
 * read the conversation). A stored message is handed to all its subscribers in turn on one thread, so the frame last
 * made on a thread is reused while it is for the same message.
 */
record MessageFrame(long seq, String json) {
    private static final ThreadLocal<Made> LAST = new ThreadLocal<>();

    private record Made(Message message, MessageFrame frame) {}

    static MessageFrame of(Message message, ObjectMapper mapper) {
        Made last = LAST.get();
        if (last != null && last.message() == message) {
            return last.frame();
        }
        MessageFrame frame;
        try {
            frame = new MessageFrame(message.seq(),
                    mapper.writeValueAsString(Map.of("type", "message", "message", Json.MessageView.of(message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frames are plain records and maps", e);
        }
        LAST.set(new Made(message, frame));
        return frame;
    }
}
