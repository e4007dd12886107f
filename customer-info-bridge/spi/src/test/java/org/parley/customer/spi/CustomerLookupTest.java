package org.parley.customer.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerLookupTest {
    private static final CustomerRecord JOHN =
            new CustomerRecord("25", "John Doe", null, null, null, 0, null, null);

    @Test
    void foundCarriesTheRecordAndNoReason() {
        CustomerLookup lookup = CustomerLookup.found(JOHN);
        assertEquals(CustomerLookup.Outcome.FOUND, lookup.outcome());
        assertEquals(JOHN, lookup.record().orElseThrow());
        assertEquals(null, lookup.reason());
    }

    @Test
    void notFoundAndUnavailableNeedAReason() {
        assertEquals("no customer 7", CustomerLookup.notFound("no customer 7").reason());
        assertTrue(CustomerLookup.unavailable("timed out").record().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> CustomerLookup.notFound(" "));
        assertThrows(IllegalArgumentException.class, () -> CustomerLookup.unavailable(null));
    }

    @Test
    void aRecordGoesOnlyWithFound() {
        assertThrows(IllegalArgumentException.class,
                () -> new CustomerLookup(CustomerLookup.Outcome.NOT_FOUND, JOHN, "no"));
        assertThrows(NullPointerException.class, () -> CustomerLookup.found(null));
    }

    @Test
    void recordCopiesOrdersAndRejectsNegativeCounts() {
        OrderSummary order = new OrderSummary("727", null, "processing", Money.of("29.35", "USD"));
        List<OrderSummary> orders = new java.util.ArrayList<>(List.of(order));
        CustomerRecord record = new CustomerRecord("25", null, null, null, null, 1, orders, null);
        orders.clear();
        assertEquals(List.of(order), record.recentOrders());
        assertThrows(IllegalArgumentException.class,
                () -> new CustomerRecord("25", null, null, null, null, -1, null, null));
    }
}
