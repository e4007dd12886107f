package org.parley.customer.internal;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.parley.customer.spi.CustomerReference;

/**
 * Which shop customer a chat visitor is signed in as. Implemented inside this bundle; it stays internal until the
 * storefront identification that fills it is designed.
 */
@ProviderType
public interface CustomerLinks {
    /** Records that the visitor is this shop customer, replacing any earlier link. */
    void link(String visitorId, CustomerReference customer);

    /** Forgets the visitor's link, e.g. when they sign out of the shop. */
    void unlink(String visitorId);

    /** The shop customer the visitor is signed in as, if known. */
    Optional<CustomerReference> find(String visitorId);
}
