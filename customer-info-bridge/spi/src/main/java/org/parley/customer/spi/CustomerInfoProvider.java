package org.parley.customer.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Looks up a shop's customer record for Parley. Implemented by shop adapters (one service per configured shop),
 * called by Parley's customer-info bridge.
 *
 * <p>Register implementations as OSGi services with {@link ShopPlatform} on the component, e.g.
 * {@code @ShopPlatform("woocommerce")}; the bridge finds them by that property and copes with them coming and
 * going at run time.
 *
 * <p>Threading: {@link #lookup} is called on one of Parley's worker threads, never on a request thread, and may be
 * called concurrently for different customers; it may block on network I/O but must bound its own time (a few
 * seconds) and return promptly when the thread is interrupted. Parley stops waiting for the agent's sake after a
 * short while and discards answers that take much longer.
 *
 * <p>Evolution: methods added to this interface in later versions of the package come with default
 * implementations, so existing adapters keep working without a rebuild.
 */
@ConsumerType
public interface CustomerInfoProvider {
    /**
     * The service property naming the platform an adapter serves, e.g. {@code "woocommerce"}. Set it with
     * {@link ShopPlatform} rather than by hand.
     */
    String PLATFORM_PROPERTY = "parley.shop.platform";

    /**
     * Fetches the customer the reference points to.
     *
     * <p>Must not throw: report a shop that is down, refuses the credentials or answers nonsense as
     * {@link CustomerLookup#unavailable(String)}, and a customer the shop does not know as
     * {@link CustomerLookup#notFound(String)}. Parley treats an exception like an unavailable shop.
     *
     * @param reference whom to look up; its {@link CustomerReference#platform() platform} is the one this
     *     adapter registered for
     * @return the outcome, never null
     */
    CustomerLookup lookup(CustomerReference reference);
}
