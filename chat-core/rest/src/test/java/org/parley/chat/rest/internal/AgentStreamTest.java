package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Origin check that keeps other sites from opening agents' connections with their cookie. */
class AgentStreamTest {

    @Test
    void onlyParleysOwnOriginCounts() {
        assertTrue(AgentStream.sameOrigin("http://localhost:8080", "localhost:8080"));
        assertTrue(AgentStream.sameOrigin("https://Chat.Shop.example", "chat.shop.example"));
        assertFalse(AgentStream.sameOrigin("https://attacker.example", "chat.shop.example"));
        assertFalse(AgentStream.sameOrigin("http://localhost:9090", "localhost:8080"), "another port");
        assertFalse(AgentStream.sameOrigin("https://chat.shop.example.attacker.example", "chat.shop.example"));
        assertFalse(AgentStream.sameOrigin(null, "localhost:8080"), "no Origin: not a browser page of ours");
        assertFalse(AgentStream.sameOrigin("null", "localhost:8080"), "sandboxed pages send null");
        assertFalse(AgentStream.sameOrigin("not a uri", "localhost:8080"));
    }
}
