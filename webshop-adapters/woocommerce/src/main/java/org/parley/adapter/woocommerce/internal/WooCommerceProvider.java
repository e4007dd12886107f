package org.parley.adapter.woocommerce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.parley.customer.spi.CustomerInfoProvider;
import org.parley.customer.spi.CustomerLookup;
import org.parley.customer.spi.CustomerRecord;
import org.parley.customer.spi.CustomerReference;
import org.parley.customer.spi.Money;
import org.parley.customer.spi.OrderSummary;
import org.parley.customer.spi.ShopPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up customers in one WooCommerce shop through its REST API v3: the customer, their five newest orders, and
 * their lifetime spend. One instance per factory configuration, i.e. per shop.
 */
@Component(service = CustomerInfoProvider.class, configurationPid = WooCommerceConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WooCommerceConfig.class, factory = true)
@ShopPlatform(WooCommerceProvider.PLATFORM)
public class WooCommerceProvider implements CustomerInfoProvider {
    static final String PLATFORM = "woocommerce";
    static final int RECENT_ORDERS = 5;
    /** WooCommerce's largest page. */
    static final int PAGE_SIZE = 100;
    /** Up to 1,000 paid orders are summed; beyond that the lookup would be too slow for a chat and no sum is shown. */
    static final int MAX_PAGES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(WooCommerceProvider.class);

    private final WooCommerceApi api;
    private final URI shopUrl;
    private final Duration timeout;

    @Activate
    public WooCommerceProvider(WooCommerceConfig config) {
        this.shopUrl = ShopAddress.parse(config.shopUrl());
        this.timeout = Duration.ofMillis(Math.max(100, config.timeoutMillis()));
        this.api = new WooCommerceApi(shopUrl, required(config.consumerKey(), "consumer key"),
                required(config._consumerSecret(), "consumer secret"), timeout);
        LOG.info("WooCommerce shop {} configured", shopUrl);
    }

    @Override
    public CustomerLookup lookup(CustomerReference reference) {
        if (!PLATFORM.equals(reference.platform())) {
            return CustomerLookup.notFound("Not a WooCommerce customer: " + reference.platform());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            JsonNode customer = reference.customerId() != null
                    ? byId(reference.customerId(), deadline)
                    : byEmail(reference.email(), deadline);
            return CustomerLookup.found(record(customer, deadline));
        } catch (ShopFailure failure) {
            CustomerLookup lookup = failure.lookup();
            if (lookup.outcome() == CustomerLookup.Outcome.UNAVAILABLE) {
                LOG.info("WooCommerce lookup at {} failed: {}", shopUrl, lookup.reason());
            }
            return lookup;
        }
    }

    private JsonNode byId(String id, long deadline) throws ShopFailure {
        if (!id.chars().allMatch(c -> c >= '0' && c <= '9') || id.length() > 19) {
            throw ShopFailure.notFound("WooCommerce customer ids are numbers; '" + id + "' is not one.");
        }
        String what = "customer " + id;
        return api.get("customers/" + id, "", what, left(deadline)).body();
    }

    /** {@code role=all}: by default WooCommerce lists only the "customer" role, missing shop staff who buy. */
    private JsonNode byEmail(String email, long deadline) throws ShopFailure {
        String what = "customer with email " + email;
        JsonNode customers = WooCommercePayloads.array(
                api.get("customers", "email=" + encode(email) + "&role=all", what, left(deadline)).body(), what);
        for (JsonNode customer : customers) {
            if (email.equalsIgnoreCase(WooCommercePayloads.text(customer, "email"))) {
                return customer;
            }
        }
        throw ShopFailure.notFound("WooCommerce has no customer account with the email " + email
                + " (guest orders have none).");
    }

    private CustomerRecord record(JsonNode customer, long deadline) throws ShopFailure {
        String id = WooCommercePayloads.customerId(customer, "the customer");
        String what = "the orders of customer " + id;
        WooCommerceApi.Answer recent = api.get("orders", "customer=" + id + "&per_page=" + RECENT_ORDERS, what,
                left(deadline));
        List<OrderSummary> orders = WooCommercePayloads.orders(recent.body(), what);
        String currency = WooCommercePayloads.text(recent.body().path(0), "currency");

        int orderCount;
        Money totalSpent;
        if (customer.hasNonNull("orders_count") && customer.hasNonNull("total_spent")) {
            // The v2-style figures WooCommerce keeps per customer, when sent; the orders name the currency.
            orderCount = Math.max(0, customer.get("orders_count").asInt());
            totalSpent = WooCommercePayloads.money(WooCommercePayloads.text(customer, "total_spent"), currency);
        } else {
            orderCount = (int) Math.max(orders.size(), recent.total().orElse(orders.size()));
            // X-WP-Total says whether the recent orders are all there are; without it, a short page does.
            boolean allHere = recent.total().isPresent()
                    ? orderCount <= orders.size()
                    : orders.size() < RECENT_ORDERS;
            totalSpent = allHere
                    ? new LifetimeSpend().addPaid(recent.body()).total(currency)
                    : paidTotal(id, currency, deadline);
        }
        return new CustomerRecord(id, WooCommercePayloads.name(customer), WooCommercePayloads.email(customer),
                WooCommercePayloads.phone(customer), totalSpent, orderCount, orders,
                shopUrl.resolve("wp-admin/user-edit.php?user_id=" + id));
    }

    /** Sums the paid orders page by page; WordPress' {@code _fields} keeps each page to the fields needed. */
    private Money paidTotal(String id, String currency, long deadline) throws ShopFailure {
        LifetimeSpend spend = new LifetimeSpend();
        String what = "the paid orders of customer " + id;
        for (int page = 1; ; page++) {
            WooCommerceApi.Answer answer = api.get("orders", "customer=" + id + "&status=completed,processing"
                    + "&per_page=" + PAGE_SIZE + "&page=" + page + "&_fields=total,currency", what,
                    left(deadline));
            spend.addAll(WooCommercePayloads.array(answer.body(), what));
            boolean last = answer.totalPages().isPresent()
                    ? page >= answer.totalPages().getAsLong()
                    : answer.body().size() < PAGE_SIZE;
            if (last) {
                return spend.total(currency);
            }
            if (page >= MAX_PAGES) {
                LOG.info("Customer {} at {} has more than {} paid orders; their total spend is not shown",
                        id, shopUrl, MAX_PAGES * PAGE_SIZE);
                return null;
            }
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(deadline - System.nanoTime());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The WooCommerce " + name + " is not configured");
        }
        return value.trim();
    }
}
