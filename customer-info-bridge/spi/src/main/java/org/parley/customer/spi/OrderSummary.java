package org.parley.customer.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One of a customer's orders, as much as an agent needs to talk about it.
 *
 * @param number the order number customers see (may differ from the shop's internal id)
 * @param createdAt when the order was placed, or null when the shop does not say
 * @param status the shop's own status name, e.g. {@code "processing"}, unchanged
 * @param total the order's grand total in the order's currency, or null when the shop does not say
 */
public record OrderSummary(String number, Instant createdAt, String status, Money total) {
    public OrderSummary {
        Objects.requireNonNull(number, "number");
    }
}
