package org.parley.adapter.woocommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.parley.customer.spi.Money;
import org.parley.customer.spi.OrderSummary;

/**
 * Reads the fields Parley needs from WooCommerce's documented customer and order JSON. Display fields are read
 * leniently (a missing phone is just missing); the structure is checked strictly, since a wrong structure means
 * the answer is not what it claims to be.
 */
final class WooCommercePayloads {
    private WooCommercePayloads() {}

    /** The customer's id, after checking the answer is a customer at all. */
    static String customerId(JsonNode customer, String what) throws ShopFailure {
        if (!customer.isObject() || !customer.path("id").canConvertToLong()) {
            throw ShopFailure.unavailable("WooCommerce's answer for " + what + " is not a customer record.");
        }
        return customer.get("id").asText();
    }

    /** First and last name, else the billing name, else the user name. */
    static String name(JsonNode customer) {
        String name = join(text(customer, "first_name"), text(customer, "last_name"));
        if (name == null) {
            JsonNode billing = customer.path("billing");
            name = join(text(billing, "first_name"), text(billing, "last_name"));
        }
        return name != null ? name : text(customer, "username");
    }

    static String email(JsonNode customer) {
        String email = text(customer, "email");
        return email != null ? email : text(customer.path("billing"), "email");
    }

    /** Customers have no phone of their own in WooCommerce; the billing address has one. */
    static String phone(JsonNode customer) {
        return text(customer.path("billing"), "phone");
    }

    /** The orders of a list answer, in the shop's order (newest first by default). */
    static List<OrderSummary> orders(JsonNode orders, String what) throws ShopFailure {
        List<OrderSummary> summaries = new ArrayList<>();
        for (JsonNode order : array(orders, what)) {
            String number = text(order, "number");
            if (number == null) {
                number = order.path("id").asText(null);
            }
            if (number == null) {
                throw ShopFailure.unavailable("WooCommerce sent an order without number or id in " + what + ".");
            }
            summaries.add(new OrderSummary(number, gmt(text(order, "date_created_gmt")), text(order, "status"),
                    money(order, "total")));
        }
        return summaries;
    }

    /** The answer as a JSON array, which every WooCommerce list answer is. */
    static JsonNode array(JsonNode answer, String what) throws ShopFailure {
        if (!answer.isArray()) {
            throw ShopFailure.unavailable("WooCommerce's answer for " + what + " is not a list.");
        }
        return answer;
    }

    /**
     * A decimal string such as {@code "29.35"} in the order's own {@code currency}, or null when either is missing
     * or unreadable.
     */
    static Money money(JsonNode order, String field) {
        return money(text(order, field), text(order, "currency"));
    }

    /** A decimal string in a currency, or null when either is missing or unreadable. */
    static Money money(String amount, String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return null;
        }
    }

    /** WooCommerce's {@code *_gmt} dates are UTC without an offset: "2017-03-22T19:28:02". */
    static Instant gmt(String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static String join(String first, String last) {
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        return first + " " + last;
    }
}
