package org.parley.adapter.woocommerce.internal;

import org.parley.customer.spi.CustomerLookup;

/** Why a lookup ends without a record; thrown deep in a request and turned into the SPI's answer at the top. */
final class ShopFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    private ShopFailure(boolean notFound, String reason) {
        super(reason, null, false, false);
        this.notFound = notFound;
    }

    /** The shop answered and does not know the customer. */
    static ShopFailure notFound(String reason) {
        return new ShopFailure(true, reason);
    }

    /** The shop could not be asked or gave no usable answer. */
    static ShopFailure unavailable(String reason) {
        return new ShopFailure(false, reason);
    }

    CustomerLookup lookup() {
        return notFound ? CustomerLookup.notFound(getMessage()) : CustomerLookup.unavailable(getMessage());
    }
}
