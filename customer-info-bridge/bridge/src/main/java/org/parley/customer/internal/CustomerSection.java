package org.parley.customer.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.chat.api.PhoneNumber;
import org.parley.chat.api.VisitorInfoSection;
import org.parley.customer.spi.CustomerLookup;
import org.parley.customer.spi.CustomerRecord;
import org.parley.customer.spi.CustomerReference;
import org.parley.customer.spi.Money;
import org.parley.customer.spi.OrderSummary;

/**
 * The "customer" section agents see. Its {@code status} field comes first and is one of {@code found},
 * {@code not-found}, {@code unavailable} (with a {@code reason}) or {@code pending} (the shop is slow; refresh).
 * The phone number is a {@link PhoneNumber}, which chat core masks per agent. Money is a map of {@code amount} (decimal text, exact) and {@code currency}; dates are ISO-8601 text.
 */
final class CustomerSection {
    static final String KEY = "customer";
    static final String TITLE = "Shop customer";

    private CustomerSection() {}

    static VisitorInfoSection of(CustomerReference reference, CustomerLookup lookup) {
        return switch (lookup.outcome()) {
            case FOUND -> found(reference, lookup.customer());
            case NOT_FOUND -> problem(reference, "not-found", lookup.reason());
            case UNAVAILABLE -> problem(reference, "unavailable", lookup.reason());
        };
    }

    static VisitorInfoSection unavailable(CustomerReference reference, String reason) {
        return problem(reference, "unavailable", reason);
    }

    static VisitorInfoSection pending(CustomerReference reference) {
        return problem(reference, "pending", "The shop has not answered yet; refresh in a moment.");
    }

    private static VisitorInfoSection found(CustomerReference reference, CustomerRecord customer) {
        Map<String, Object> fields = start("found", reference);
        fields.put("id", customer.id());
        putIfPresent(fields, "name", customer.name());
        putIfPresent(fields, "email", customer.email());
        if (customer.phone() != null && !customer.phone().isBlank()) {
            // Chat core masks it for agents who may not see customers' phone numbers.
            fields.put("phone", new PhoneNumber(customer.phone()));
        }
        if (customer.totalSpent() != null) {
            fields.put("totalSpent", money(customer.totalSpent()));
        }
        fields.put("orderCount", customer.orderCount());
        List<Map<String, Object>> orders = new ArrayList<>();
        for (OrderSummary order : customer.recentOrders()) {
            orders.add(order(order));
        }
        fields.put("recentOrders", List.copyOf(orders));
        if (customer.adminUrl() != null) {
            fields.put("adminUrl", customer.adminUrl().toString());
        }
        return new VisitorInfoSection(KEY, TITLE, fields);
    }

    private static VisitorInfoSection problem(CustomerReference reference, String status, String reason) {
        Map<String, Object> fields = start(status, reference);
        putIfPresent(fields, "id", reference.customerId());
        putIfPresent(fields, "email", reference.email());
        fields.put("reason", reason);
        return new VisitorInfoSection(KEY, TITLE, fields);
    }

    private static Map<String, Object> start(String status, CustomerReference reference) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("platform", reference.platform());
        return fields;
    }

    private static Map<String, Object> order(OrderSummary order) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", order.number());
        putIfPresent(fields, "createdAt", order.createdAt() == null ? null : order.createdAt().toString());
        putIfPresent(fields, "status", order.status());
        if (order.total() != null) {
            fields.put("total", money(order.total()));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static Map<String, Object> money(Money money) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("amount", money.amount().toPlainString());
        fields.put("currency", money.currency());
        return Collections.unmodifiableMap(fields);
    }

    private static void putIfPresent(Map<String, Object> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }
}
