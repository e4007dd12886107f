package org.parley.customer.spi;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A shop's customer, as agents see it beside the chat. Fields the shop does not provide are null.
 *
 * <p>Later versions may add components; they will keep this constructor as an overload, so adapters built
 * against this version keep working.
 *
 * @param id the customer's id in the shop
 * @param name the full name to greet them with, or null
 * @param email their email address, or null
 * @param phone their phone number as entered in the shop, or null
 * @param totalSpent their lifetime spend, or null when the shop cannot state it in one currency
 * @param orderCount how many orders they have placed, 0 or more
 * @param recentOrders their latest orders, newest first, at most a handful; never null
 * @param adminUrl where an agent opens the customer in the shop's admin, or null
 */
public record CustomerRecord(
        String id,
        String name,
        String email,
        String phone,
        Money totalSpent,
        int orderCount,
        List<OrderSummary> recentOrders,
        URI adminUrl) {
    public CustomerRecord {
        Objects.requireNonNull(id, "id");
        if (orderCount < 0) {
            throw new IllegalArgumentException("orderCount is negative: " + orderCount);
        }
        recentOrders = recentOrders == null ? List.of() : List.copyOf(recentOrders);
    }
}
