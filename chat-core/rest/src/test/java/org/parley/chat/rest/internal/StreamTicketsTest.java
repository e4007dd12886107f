package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tickets for the event stream: the visitor's, for 60 s, and only as issued by this node. */
class StreamTicketsTest {
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final StreamTickets tickets = new StreamTickets(now::get);

    @Test
    void aTicketNamesItsVisitorForSixtySeconds() {
        StreamTickets.Ticket ticket = tickets.issue("visitor-1");
        assertEquals(now.get() + 60_000, ticket.expiresAtMillis());
        now.addAndGet(59_999);
        assertEquals(Optional.of("visitor-1"), tickets.visitor(ticket.ticket()));
        now.addAndGet(1);
        assertEquals(Optional.empty(), tickets.visitor(ticket.ticket()), "expired");
    }

    @Test
    void forgedTamperedOrForeignTicketsAreRefused() {
        String ticket = tickets.issue("visitor-1").ticket();
        String other = tickets.issue("visitor-2").ticket();
        String swapped = ticket.substring(0, ticket.indexOf('.')) + other.substring(other.indexOf('.'));
        assertEquals(Optional.empty(), tickets.visitor(swapped));
        assertEquals(Optional.empty(), new StreamTickets(now::get).visitor(ticket), "another node's key");
        for (String nonsense : new String[] {null, "", ".", "abc", "abc.def", "%%%.###", "a".repeat(500)}) {
            assertEquals(Optional.empty(), tickets.visitor(nonsense), String.valueOf(nonsense));
        }
    }
}
