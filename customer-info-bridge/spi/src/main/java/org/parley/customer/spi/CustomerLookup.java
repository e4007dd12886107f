package org.parley.customer.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link CustomerInfoProvider#lookup}: the customer, or why there is none. Make instances with
 * {@link #found}, {@link #notFound} or {@link #unavailable}.
 *
 * @param outcome which of the three it is
 * @param customer the record when {@link Outcome#FOUND}, otherwise null
 * @param reason for agents and logs, why there is no record; null when found
 */
public record CustomerLookup(Outcome outcome, CustomerRecord customer, String reason) {
    /** What the shop said. */
    public enum Outcome {
        /** The shop knows the customer; {@link #customer()} holds the record. */
        FOUND,
        /**
         * The shop answered and does not know this customer (deleted, wrong id, a guest). Asking again soon won't
         * help.
         */
        NOT_FOUND,
        /**
         * The shop could not be asked or gave no usable answer: unreachable, timed out, rejected the credentials, or
         * sent something unreadable. Parley asks again later.
         */
        UNAVAILABLE
    }

    public CustomerLookup {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.FOUND) != (customer != null)) {
            throw new IllegalArgumentException("a customer record goes with FOUND and only with FOUND");
        }
        if (outcome != Outcome.FOUND && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(outcome + " needs a reason");
        }
    }

    /** The shop knows the customer. */
    public static CustomerLookup found(CustomerRecord customer) {
        return new CustomerLookup(Outcome.FOUND, Objects.requireNonNull(customer, "customer"), null);
    }

    /** The shop answered and does not know the customer; the reason says what was asked, e.g. "no customer 25". */
    public static CustomerLookup notFound(String reason) {
        return new CustomerLookup(Outcome.NOT_FOUND, null, reason);
    }

    /** The shop could not be asked; the reason says what went wrong, e.g. "timed out after 5000 ms". */
    public static CustomerLookup unavailable(String reason) {
        return new CustomerLookup(Outcome.UNAVAILABLE, null, reason);
    }

    /** The record, when found. */
    public Optional<CustomerRecord> record() {
        return Optional.ofNullable(customer);
    }
}
