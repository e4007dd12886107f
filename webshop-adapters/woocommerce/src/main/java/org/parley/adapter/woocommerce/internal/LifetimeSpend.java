package org.parley.adapter.woocommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parley.customer.spi.Money;

/**
 * Sums what a customer spent. WooCommerce's v3 customers carry no total, so Parley adds up the customer's paid
 * orders (status completed or processing, as WooCommerce counts them), each in its own currency; the sum is
 * stated only when all orders share one currency, since adding dollars to euros would mislead.
 */
final class LifetimeSpend {
    /** The statuses WooCommerce treats as paid. */
    static final Set<String> PAID = Set.of("completed", "processing");

    private final Map<String, BigDecimal> byCurrency = new TreeMap<>();
    private boolean unreadable;

    /** Adds the paid ones of a list of orders; the others are skipped. */
    LifetimeSpend addPaid(JsonNode orders) {
        for (JsonNode order : orders) {
            if (PAID.contains(WooCommercePayloads.text(order, "status"))) {
                add(order);
            }
        }
        return this;
    }

    /** Adds every order of a list already filtered to paid statuses by the shop. */
    LifetimeSpend addAll(JsonNode orders) {
        orders.forEach(this::add);
        return this;
    }

    /**
     * The total, or null when it cannot be stated honestly: orders in several currencies, or an unreadable amount.
     *
     * @param currency the shop's currency as its orders name it, for a customer with no paid order; may be null
     */
    Money total(String currency) {
        if (byCurrency.isEmpty() && !unreadable && currency != null) {
            return Money.of("0.00", currency);
        }
        if (unreadable || byCurrency.size() != 1) {
            return null;
        }
        Map.Entry<String, BigDecimal> only = byCurrency.entrySet().iterator().next();
        return new Money(only.getValue(), only.getKey());
    }

    private void add(JsonNode order) {
        Money total = WooCommercePayloads.money(order, "total");
        if (total == null) {
            unreadable = true;
        } else {
            byCurrency.merge(total.currency(), total.amount(), BigDecimal::add);
        }
    }
}
