package org.parley.adapter.woocommerce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.parley.customer.spi.Money;

/** Works on the documented orders list, changed in memory where a case needs it. */
class LifetimeSpendTest {
    private final ArrayNode orders = sampleOrders();

    @Test
    void addsThePaidOrdersInTheirCurrency() {
        assertEquals(Money.of("68.35", "USD"), new LifetimeSpend().addPaid(orders).total("USD"));
    }

    @Test
    void skipsOrdersThatAreNotPaid() {
        ((ObjectNode) orders.get(0)).put("status", "cancelled");
        assertEquals(Money.of("39.00", "USD"), new LifetimeSpend().addPaid(orders).total("USD"));
        ((ObjectNode) orders.get(1)).put("status", "failed");
        assertEquals(Money.of("0.00", "USD"), new LifetimeSpend().addPaid(orders).total("USD"));
    }

    @Test
    void statesNoSumAcrossCurrenciesOrUnreadableAmounts() {
        ((ObjectNode) orders.get(0)).put("currency", "EUR");
        assertNull(new LifetimeSpend().addPaid(orders).total("USD"));
        ArrayNode unreadable = sampleOrders();
        ((ObjectNode) unreadable.get(1)).put("total", "39,00");
        assertNull(new LifetimeSpend().addAll(unreadable).total("USD"));
    }

    private static ArrayNode sampleOrders() {
        try {
            return (ArrayNode) new ObjectMapper().readTree(SampleShop.resource("woocommerce-orders-list.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
