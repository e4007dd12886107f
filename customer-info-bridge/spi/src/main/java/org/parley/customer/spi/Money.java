package org.parley.customer.spi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in one currency. Adapters pass the shop's decimal amount through unchanged (no floating
 * point, no rounding), so agents see what the shop's admin shows.
 *
 * @param amount the amount, e.g. {@code 29.35}
 * @param currency the ISO 4217 code in upper case, e.g. {@code "USD"}
 */
public record Money(BigDecimal amount, String currency) {
    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
        }
    }

    /**
     * Parses a shop's decimal string such as {@code "29.35"}.
     *
     * @throws NumberFormatException when the amount is not a decimal number
     */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount.trim()), currency);
    }

    /** The amount as plain decimal text followed by the currency, e.g. {@code "29.35 USD"}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
