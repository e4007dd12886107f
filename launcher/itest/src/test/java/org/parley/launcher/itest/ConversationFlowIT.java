package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Message;
import org.parley.chat.api.NewVisitor;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.chat.api.SenderType;

/** A visitor's conversation through the Conversations service, then over real HTTP and a real WebSocket. */
class ConversationFlowIT {
    private static final long START_MILLIS = 30_000;

    @InjectService(timeout = START_MILLIS)
    Conversations conversations;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @Test
    void subscribersReceiveMessagesInOrderAndTheStoreReturnsThem() throws Exception {
        NewVisitor visitor = conversations.createVisitor();
        assertEquals(visitor.visitor(), conversations.visitorByToken(visitor.token()).orElseThrow());
        Conversation conversation = conversations.open(visitor.visitor().id());
        Sender sender = Sender.visitor(visitor.visitor().id());

        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        try (Conversations.Subscription subscription = conversations.subscribe(conversation.id(), received::add)) {
            for (int i = 1; i <= 3; i++) {
                PostedMessage posted = conversations.post(conversation.id(), sender, "m" + i, "Hello " + i);
                assertTrue(posted.created());
                assertEquals(i, posted.message().seq());
            }
            for (int i = 1; i <= 3; i++) {
                Message message = received.poll(5, TimeUnit.SECONDS);
                assertNotNull(message, "message " + i + " reached the subscriber");
                assertEquals(i, message.seq());
                assertEquals("Hello " + i, message.text());
            }
        }

        List<Message> stored = conversations.messagesAfter(conversation.id(), 0, 10);
        assertEquals(List.of("Hello 1", "Hello 2", "Hello 3"), stored.stream().map(Message::text).toList());
        assertEquals(List.of("m1", "m2", "m3"), stored.stream().map(Message::clientMessageId).toList());
        assertEquals(SenderType.VISITOR, stored.get(0).sender().type());
        assertEquals(List.of(3L), conversations.messagesAfter(conversation.id(), 2, 10).stream().map(Message::seq).toList());
        assertEquals(3, conversations.find(conversation.id()).orElseThrow().lastSeq());
    }

    @Test
    void messagesPostedOverHttpArriveOnTheWebSocket() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());

        ParleyHttp.Answer created = http.send("POST", "/api/v1/visitors", null, null);
        assertEquals(201, created.status(), created.raw());
        String token = created.body().get("token").asText();

        ParleyHttp.Answer opened = http.send("POST", "/api/v1/conversations", token, null);
        assertEquals(201, opened.status(), opened.raw());
        String conversationId = opened.body().get("id").asText();
        String messages = "/api/v1/conversations/" + conversationId + "/messages";

        for (int i = 1; i <= 2; i++) {
            ParleyHttp.Answer sent = http.send("POST", messages, token,
                    "{\"text\":\"Hello " + i + "\",\"clientMessageId\":\"h" + i + "\"}");
            assertEquals(201, sent.status(), sent.raw());
            assertEquals(i, sent.body().get("seq").asLong());
        }

        try (StreamSocket socket = new StreamSocket(http.streamUri())) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            assertEquals(created.body().get("visitorId").asText(), socket.expect("ready").get("visitorId").asText());
            socket.expect("availability"); // whether an agent is online, right after ready

            socket.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversationId + "\",\"after\":0}");
            for (int i = 1; i <= 2; i++) {
                JsonNode message = socket.expect("message").get("message");
                assertEquals(i, message.get("seq").asLong());
                assertEquals("Hello " + i, message.get("text").asText());
            }
            assertEquals(2, socket.expect("subscribed").get("lastSeq").asLong());

            ParleyHttp.Answer live = http.send("POST", messages, token, "{\"text\":\"Live\",\"clientMessageId\":\"h3\"}");
            assertEquals(201, live.status(), live.raw());
            JsonNode pushed = socket.expect("message").get("message");
            assertEquals(3, pushed.get("seq").asLong());
            assertEquals("Live", pushed.get("text").asText());
            assertEquals("h3", pushed.get("clientMessageId").asText());
        }

        // HTTP and the service share one store.
        assertEquals(List.of("Hello 1", "Hello 2", "Live"),
                conversations.messagesAfter(conversationId, 0, 10).stream().map(Message::text).toList());
    }

    @Test
    void aMessageWithoutTextIsAProblemNamingTheField() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        NewVisitor visitor = conversations.createVisitor();
        Conversation conversation = conversations.open(visitor.visitor().id());

        ParleyHttp.Answer refused = http.send("POST", "/api/v1/conversations/" + conversation.id() + "/messages",
                visitor.token(), "{}");

        assertEquals(400, refused.status(), refused.raw());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("text", refused.body().get("field").asText(), refused.raw());
        assertEquals(0, conversations.find(conversation.id()).orElseThrow().lastSeq(), "nothing was stored");
    }
}
