package org.parley.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parley as a user runs it: the launcher jar in its own process, used over HTTP and WebSocket. */
class LauncherIT {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path data;

    @Test
    void aMessageFlowsToEverySubscriberAndSurvivesARestart() throws Exception {
        String token;
        String conversationId;
        try (ParleyProcess parley = ParleyProcess.start(data)) {
            // The start-up line names the URL and comes once Parley serves: /health says UP right after it.
            Duration startup = parley.awaitOutput("is running at http://localhost:" + parley.port + "/", START);
            System.out.println("Start-up to the line that says Parley runs: " + startup.toMillis() + " ms");
            ChatClient.Answer healthy = new ChatClient(parley).send("GET", "/health", null);
            assertEquals(200, healthy.status(), healthy.raw());
            JsonNode health = healthy.body();
            assertEquals("UP", health.get("status").asText());
            assertEquals("ACTIVE", health.at("/bundles/bundles/org.parley.chat").asText());
            assertEquals("UP", health.at("/database/status").asText());
            JsonNode openApi = new ChatClient(parley).send("GET", "/api/v1/openapi.json", null).body();
            assertTrue(openApi.get("openapi").asText().startsWith("3."));
            assertTrue(openApi.get("paths").has("/conversations/{id}/messages"), "chat paths are merged in");

            ChatClient visitor = new ChatClient(parley).asNewVisitor();
            token = visitor.token();
            ChatClient.Answer opened = visitor.send("POST", "/api/v1/conversations", null);
            assertEquals(201, opened.status());
            conversationId = opened.body().get("id").asText();
            String messages = "/api/v1/conversations/" + conversationId + "/messages";

            try (StreamClient tab1 = subscribe(visitor, conversationId, 0);
                    StreamClient tab2 = subscribe(visitor, conversationId, 0)) {
                for (int i = 1; i <= 3; i++) {
                    ChatClient.Answer sent = visitor.send("POST", messages,
                            "{\"text\":\"Hello <script>" + i + "</script>\",\"clientMessageId\":\"m" + i + "\"}");
                    assertEquals(201, sent.status(), sent.raw());
                    assertEquals(i, sent.body().get("seq").asLong());
                }
                for (StreamClient tab : List.of(tab1, tab2)) {
                    for (int i = 1; i <= 3; i++) {
                        JsonNode message = tab.expect("message").get("message");
                        assertEquals(i, message.get("seq").asLong());
                        assertEquals("Hello <script>" + i + "</script>", message.get("text").asText());
                    }
                }
                // The same client message id again: stored once, answered with the first copy, not pushed again.
                ChatClient.Answer again = visitor.send("POST", messages, "{\"text\":\"Hello\",\"clientMessageId\":\"m3\"}");
                assertEquals(200, again.status());
                assertEquals(3, again.body().get("seq").asLong());
                assertTrue(tab1.isQuiet(Duration.ofMillis(500)));
            }
            refusesBadInputAndStoresNothing(parley, visitor, conversationId);
            hotDeploysAndUndeploysABundle(parley);

            Duration shutdown = parley.terminate(Duration.ofSeconds(15));
            System.out.println("Shutdown after SIGTERM: " + shutdown.toMillis() + " ms");
            assertTrue(shutdown.compareTo(Duration.ofSeconds(10)) < 0, "clean shutdown within 10 s: " + shutdown);
            assertTrue(parley.output().contains("Database closed"), "the database was closed cleanly");
        }

        try (ParleyProcess restarted = ParleyProcess.start(data)) {
            restarted.awaitHealthy(START);
            ChatClient visitor = new ChatClient(restarted).withToken(token);
            JsonNode page = visitor.send("GET", "/api/v1/conversations/" + conversationId + "/messages", null).body();
            assertEquals(3, page.get("messages").size(), "the history survived the restart");
            // A reconnecting tab resumes after the last message it saw and gets only what follows.
            try (StreamClient tab = subscribe(visitor, conversationId, 2)) {
                assertEquals(3, tab.expect("message").get("message").get("seq").asLong());
                assertEquals(3, tab.expect("subscribed").get("lastSeq").asLong());
            }
        }
    }

    /** A connection subscribed to an empty conversation, ready for live messages. */
    private static StreamClient subscribe(ChatClient visitor, String conversationId, long after) throws Exception {
        StreamClient stream = resume(visitor, conversationId, after);
        if (after == 0) {
            stream.expect("subscribed");
        }
        return stream;
    }

    /** A connection that asked for everything after {@code after}; the frames are the caller's to read. */
    private static StreamClient resume(ChatClient visitor, String conversationId, long after) throws Exception {
        StreamClient stream = new StreamClient(visitor.streamUri());
        stream.send("{\"type\":\"auth\",\"token\":\"" + visitor.token() + "\"}");
        stream.expect("ready");
        stream.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversationId + "\",\"after\":" + after + "}");
        return stream;
    }

    private static void refusesBadInputAndStoresNothing(ParleyProcess parley, ChatClient visitor, String conversationId) throws Exception {
        String messages = "/api/v1/conversations/" + conversationId + "/messages";
        assertProblem(visitor.send("POST", messages, "{\"text\":"), 400, null);
        assertProblem(visitor.send("POST", messages, "{}"), 400, "text");
        assertProblem(visitor.send("POST", messages, "{\"text\":\"" + "x".repeat(4001) + "\"}"), 400, "text");
        assertProblem(visitor.send("POST", messages, "{\"text\":\"hi\",\"colour\":\"red\"}"), 400, "colour");
        assertProblem(visitor.send("POST", messages, "{\"text\":\"" + "x".repeat(70_000) + "\"}"), 413, null);
        assertProblem(visitor.send("POST", "/api/v1/conversations/unknown/messages", "{\"text\":\"hi\"}"), 404, null);
        ChatClient stranger = new ChatClient(parley).asNewVisitor();
        assertProblem(stranger.send("GET", messages, null), 404, null);
        assertProblem(new ChatClient(parley).send("POST", "/api/v1/conversations", null), 401, null);
        JsonNode page = visitor.send("GET", messages, null).body();
        assertEquals(3, page.get("lastSeq").asLong(), "nothing was stored by the refused requests");
    }

    private static void assertProblem(ChatClient.Answer answer, int status, String field) {
        assertEquals(status, answer.status(), answer.raw());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals(status, answer.body().get("status").asInt());
        assertFalse(answer.body().path("title").asText().isBlank());
        if (field != null) {
            assertEquals(field, answer.body().get("field").asText(), answer.raw());
        }
    }

    private static void hotDeploysAndUndeploysABundle(ParleyProcess parley) throws Exception {
        Path bundle = parley.data.resolve("deploy").resolve("hot.jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.parley.e2e.hotdeploy");
        main.putValue("Bundle-Version", "1.0.0");
        Path staged = Files.createTempFile("hot", ".jar");
        try (OutputStream out = Files.newOutputStream(staged); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Files.move(staged, bundle);
        ChatClient client = new ChatClient(parley);
        awaitBundleState(client, "ACTIVE");
        Files.delete(bundle);
        awaitBundleState(client, "");
    }

    private static void awaitBundleState(ChatClient client, String state) throws Exception {
        String seen = null;
        for (int i = 0; i < 100; i++) {
            seen = client.send("GET", "/health", null).body().at("/bundles/bundles/org.parley.e2e.hotdeploy").asText();
            if (seen.equals(state)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("hot-deployed bundle state '" + seen + "', expected '" + state + "'");
    }

    @Test
    void refusesToStartOnADatabaseNewerThanTheCode() throws Exception {
        try (ParleyProcess parley = ParleyProcess.start(data)) {
            parley.awaitHealthy(START);
            parley.terminate(Duration.ofSeconds(15));
        }
        String url = "jdbc:h2:file:" + data.resolve("db").resolve("parley") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "", "");
                Statement statement = connection.createStatement()) {
            // One migration beyond the newest this Parley ships, as a later version would leave it.
            statement.execute("INSERT INTO chat_schema_history (version, checksum, applied_at)"
                    + " SELECT MAX(version) + 1, 'from-a-newer-parley', CURRENT_TIMESTAMP FROM chat_schema_history");
        }
        try (ParleyProcess parley = ParleyProcess.start(data)) {
            int exit = parley.awaitExit(START);
            assertNotEquals(0, exit, "the launcher refuses to start");
            assertTrue(parley.output().contains("newer than this Parley knows"), parley.output());
        }
    }

    @Test
    void reportsDownWhenTheDatabaseIsUnreachable() throws Exception {
        int closedPort = ParleyProcess.freePort();
        try (ParleyProcess parley = ParleyProcess.start(data, "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/parley")) {
            ChatClient client = new ChatClient(parley);
            ChatClient.Answer health = null;
            for (int i = 0; i < 300 && (health == null || health.status() != 503); i++) {
                try {
                    health = client.send("GET", "/health", null);
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            assertEquals(503, health.status(), String.valueOf(health));
            assertEquals("DOWN", health.body().get("status").asText());
            assertEquals("DOWN", health.body().at("/database/status").asText());
            List<String> reasons = new ArrayList<>();
            health.body().get("reasons").forEach(reason -> reasons.add(reason.asText()));
            assertTrue(reasons.contains("The database is unreachable"), reasons.toString());
        }
    }

    @Test
    void reconnectingClientsMissAndRepeatNothingWhileMessagesKeepComing() throws Exception {
        int total = 150;
        // 150 messages as fast as one client sends them is far beyond a visitor's rate limit (20 per 10 s): this test
        // is about reconnecting, so the limit is raised for it.
        raiseVisitorMessageLimits();
        try (ParleyProcess parley = ParleyProcess.start(data)) {
            parley.awaitHealthy(START);
            ChatClient visitor = new ChatClient(parley).asNewVisitor();
            String conversationId = visitor.send("POST", "/api/v1/conversations", null).body().get("id").asText();
            String messages = "/api/v1/conversations/" + conversationId + "/messages";
            Thread sender = new Thread(() -> {
                try {
                    ChatClient own = new ChatClient(parley).withToken(visitor.token());
                    for (int i = 1; i <= total; i++) {
                        int status = own.send("POST", messages,
                                "{\"text\":\"n" + i + "\",\"clientMessageId\":\"s" + i + "\"}").status();
                        if (status != 201) {
                            throw new IllegalStateException("message " + i + " answered " + status);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            List<Long> received = new ArrayList<>();
            long last = 0;
            int connections = 0;
            while (last < total) {
                connections++;
                try (StreamClient stream = resume(visitor, conversationId, last)) {
                    // Read a few frames, then drop the connection without a goodbye, as a flaky network does.
                    for (int frames = 0; frames < 7 && last < total; frames++) {
                        JsonNode frame = stream.next(Duration.ofSeconds(20));
                        if ("message".equals(frame.get("type").asText())) {
                            last = frame.get("message").get("seq").asLong();
                            received.add(last);
                        }
                    }
                }
            }
            sender.join();
            List<Long> expected = new ArrayList<>();
            for (long seq = 1; seq <= total; seq++) {
                expected.add(seq);
            }
            assertEquals(expected, received, "every message once, in order, over " + connections + " connections");
            assertTrue(connections > 5, "the stream was really interrupted: " + connections + " connections");
        }
    }

    /** Lets one visitor send far more than the default 20 messages per 10 s, for tests about something else. */
    private void raiseVisitorMessageLimits() throws java.io.IOException {
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config").resolve("org.parley.chat.limits.cfg"),
                "messagesPerVisitorPer10Seconds=1000\nmessagesPerVisitorPerMinute=1000\n");
    }

    @Test
    void everyAcknowledgedMessageSurvivesAProcessCrash() throws Exception {
        int total = 200;
        raiseVisitorMessageLimits();
        String token;
        String conversationId;
        try (ParleyProcess parley = ParleyProcess.start(data)) {
            parley.awaitHealthy(START);
            ChatClient visitor = new ChatClient(parley).asNewVisitor();
            token = visitor.token();
            conversationId = visitor.send("POST", "/api/v1/conversations", null).body().get("id").asText();
            String messages = "/api/v1/conversations/" + conversationId + "/messages";
            for (int i = 1; i <= total; i++) {
                ChatClient.Answer sent = visitor.send("POST", messages,
                        "{\"text\":\"n" + i + "\",\"clientMessageId\":\"c" + i + "\"}");
                assertEquals(201, sent.status(), sent.raw());
            }
            // Killed the moment the last message is acknowledged: no shutdown hook, no closing of the database.
            parley.kill(Duration.ofSeconds(15));
        }
        try (ParleyProcess restarted = ParleyProcess.start(data)) {
            restarted.awaitHealthy(START);
            ChatClient visitor = new ChatClient(restarted).withToken(token);
            JsonNode page = visitor.send("GET", "/api/v1/conversations/" + conversationId + "/messages?after=" + (total - 50),
                    null).body();
            assertEquals(total, page.get("lastSeq").asLong(), "every acknowledged message was stored: " + page);
            JsonNode last = page.get("messages").get(page.get("messages").size() - 1);
            assertEquals("n" + total, last.get("text").asText());
        }
    }

    @Test
    void anAgentsUnreadCountIsTheSameAfterAProcessCrash() throws Exception {
        String conversationId;
        try (ParleyProcess parley = ParleyProcess.start(data)) {
            parley.awaitHealthy(START);
            AgentClient owner = AgentClient.setUpOwner(parley, parley.setupToken(), "olivia", "correct horse battery");
            ChatClient visitor = new ChatClient(parley).asNewVisitor();
            conversationId = visitor.send("POST", "/api/v1/conversations", null).body().get("id").asText();
            owner.call("POST", "/api/v1/desk/conversations/" + conversationId + "/take", null, 200);
            for (int i = 1; i <= 5; i++) {
                ChatClient.Answer sent = visitor.send("POST", "/api/v1/conversations/" + conversationId + "/messages",
                        "{\"text\":\"Hello " + i + "\",\"clientMessageId\":\"m" + i + "\"}");
                assertEquals(201, sent.status(), sent.raw());
            }
            assertEquals(5, owner.call("GET", "/api/v1/desk/conversations/" + conversationId, null, 200)
                    .get("unread").asInt());
            // Within a second the journal's checkpoint puts the counters into H2's file; the messages' rows wait in
            // memory for up to 20 s. A crash then is the usual case, and the replay must not count them again.
            Thread.sleep(2_500);
            parley.kill(Duration.ofSeconds(15));
        }
        try (ParleyProcess restarted = ParleyProcess.start(data)) {
            restarted.awaitHealthy(START);
            AgentClient owner = AgentClient.signIn(restarted, "olivia", "correct horse battery");
            JsonNode chat = owner.call("GET", "/api/v1/desk/conversations/" + conversationId, null, 200);
            assertEquals(5, chat.get("unread").asInt(), "each restored message counted once: " + chat);
            assertEquals("Hello 5", chat.at("/lastMessage/text").asText());
        }
    }

    @Test
    void appliesConfigurationFilesWhileRunning() throws Exception {
        try (ParleyProcess parley = ParleyProcess.start(data)) {
            parley.awaitHealthy(START);
            ChatClient client = new ChatClient(parley);
            Path config = data.resolve("config").resolve("org.parley.database.cfg");
            Files.writeString(config, "url=jdbc:postgresql://127.0.0.1:" + ParleyProcess.freePort() + "/parley\n");
            awaitHealthStatus(client, 503);
            Files.delete(config);
            awaitHealthStatus(client, 200);
        }
    }

    private static void awaitHealthStatus(ChatClient client, int status) throws Exception {
        int seen = 0;
        for (int i = 0; i < 300 && seen != status; i++) {
            Thread.sleep(200);
            seen = client.send("GET", "/health", null).status();
        }
        assertEquals(status, seen, "health after the configuration change");
    }

    @Test
    void explainsItsOptionsAndRefusesBadOnes() throws Exception {
        Process help = new ProcessBuilder(ParleyProcess.javaBinary(), "-jar", ParleyProcess.JAR.toString(), "--help")
                .redirectErrorStream(true).start();
        String text = new String(help.getInputStream().readAllBytes());
        assertEquals(0, help.waitFor());
        for (String option : List.of("--port", "--data", "--db", "PARLEY_PORT", "PARLEY_DATA")) {
            assertTrue(text.contains(option), option + " is documented in --help");
        }
        Process bad = new ProcessBuilder(ParleyProcess.javaBinary(), "-jar", ParleyProcess.JAR.toString(), "--port", "eighty")
                .redirectErrorStream(true).start();
        String error = new String(bad.getInputStream().readAllBytes());
        assertEquals(2, bad.waitFor());
        assertTrue(error.contains("The port must be a number"), error);
    }
}
