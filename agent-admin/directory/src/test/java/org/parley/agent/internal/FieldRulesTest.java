package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.agent.api.AgentException;

/** The shapes of usernames and email addresses, without a database. */
class FieldRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Jane.Doe", "jane_doe-2", "x.y", "A1-", "0123456789"})
    void acceptsUsernames(String username) {
        assertEquals(username, FieldRules.username(" " + username + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "jane doe", "jane@shop", "jänе", "jane/doe", "jane+1", "<script>"})
    void refusesUsernames(String username) {
        AgentException refusal = assertThrows(AgentException.class, () -> FieldRules.username(username));
        assertEquals("username", refusal.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@shop.example", "jane.doe+chat@mail.shop.co.uk", "j_d@x-y.io", "jürgen@bücher.de",
        "o'brien@shop.example", "x@xn--bcher-kva.de"})
    void acceptsEmailAddresses(String email) {
        assertEquals(email, FieldRules.email(" " + email + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "@shop.example", "jane@shop", "jane@@shop.example",
        "jane doe@shop.example", "jane@shop..example", "jane@-shop.example", "jane@shop.e", "<jane@shop.example>",
        "jane@shop.example,x@y.zz"})
    void refusesEmailAddresses(String email) {
        AgentException refusal = assertThrows(AgentException.class, () -> FieldRules.email(email));
        assertEquals("email", refusal.field());
        assertEquals(AgentException.Reason.INVALID, refusal.reason());
    }

    @Test
    void treatsBlankOptionalTextAsNone() {
        assertNull(FieldRules.email("  "));
        assertNull(FieldRules.email(null));
        assertNull(FieldRules.description("\t"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String hundred = "\uD83D\uDE00".repeat(100);
        assertEquals(hundred, FieldRules.displayName(hundred));
        assertThrows(AgentException.class, () -> FieldRules.displayName(hundred + "x"));
        assertEquals("123456", FieldRules.password("123456"));
        assertThrows(AgentException.class, () -> FieldRules.password("\uD83D\uDE00".repeat(5)));
    }

    @Test
    void dropsRepeatedIdsAndRefusesEmptyOnes() {
        assertEquals(List.of("a", "b"), FieldRules.ids("ids", List.of("a", " b ", "a")));
        assertEquals("queueIds",
                assertThrows(AgentException.class, () -> FieldRules.ids("queueIds", Arrays.asList("a", " "))).field());
    }
}
