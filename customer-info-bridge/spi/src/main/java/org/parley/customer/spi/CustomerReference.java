package org.parley.customer.spi;

import java.util.Objects;

/**
 * Who a visitor is in the shop, as the storefront told Parley.
 *
 * @param platform the shop platform's lower-case name, e.g. {@code "woocommerce"}; selects the adapter
 * @param customerId the customer's id in the shop, or null when only the email is known
 * @param email the customer's email address, or null when only the id is known
 */
public record CustomerReference(String platform, String customerId, String email) {
    public CustomerReference {
        Objects.requireNonNull(platform, "platform");
        if (platform.isBlank()) {
            throw new IllegalArgumentException("platform is blank");
        }
        customerId = blankToNull(customerId);
        email = blankToNull(email);
        if (customerId == null && email == null) {
            throw new IllegalArgumentException("a customer reference needs an id or an email");
        }
    }

    /** A reference by the shop's customer id. */
    public static CustomerReference byId(String platform, String customerId) {
        return new CustomerReference(platform, customerId, null);
    }

    /** A reference by email, for shops where the storefront knows only that. */
    public static CustomerReference byEmail(String platform, String email) {
        return new CustomerReference(platform, null, email);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
