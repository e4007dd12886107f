package org.parley.adapter.woocommerce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.adapter.woocommerce.internal.SampleShop.Reply.sample;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.util.converter.Converters;
import org.parley.customer.spi.CustomerLookup;
import org.parley.customer.spi.CustomerLookup.Outcome;
import org.parley.customer.spi.CustomerRecord;
import org.parley.customer.spi.CustomerReference;
import org.parley.customer.spi.Money;
import org.parley.customer.spi.OrderSummary;

class WooCommerceProviderTest {
    private static final CustomerReference JOHN = CustomerReference.byId("woocommerce", "25");
    private static final Map<String, String> RECENT_ORDERS = Map.of("customer", "25", "per_page", "5");

    private SampleShop shop;

    @BeforeEach
    void openShop() throws Exception {
        shop = new SampleShop();
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @Test
    void mapsTheDocumentedCustomerAndOrders() {
        shop.on("customers/25", Map.of(), sample(200, "woocommerce-customer.json"))
                .on("orders", RECENT_ORDERS,
                        sample(200, "woocommerce-orders-list.json", "X-WP-Total", "2", "X-WP-TotalPages", "1"));

        CustomerRecord john = found(provider(5000).lookup(JOHN));

        assertEquals("25", john.id());
        assertEquals("John Doe", john.name());
        assertEquals("john.doe@example.com", john.email());
        assertEquals("(555) 555-5555", john.phone());
        assertEquals(2, john.orderCount());
        // Both sample orders are paid (processing, completed): 29.35 + 39.00, in the orders' currency.
        assertEquals(new Money(new BigDecimal("68.35"), "USD"), john.totalSpent());
        assertEquals(List.of(
                new OrderSummary("727", Instant.parse("2017-03-22T19:28:02Z"), "processing", Money.of("29.35", "USD")),
                new OrderSummary("723", Instant.parse("2017-03-21T19:16:00Z"), "completed", Money.of("39.00", "USD"))),
                john.recentOrders());
        assertEquals(URI.create(shop.url() + "/wp-admin/user-edit.php?user_id=25"), john.adminUrl());
        assertEquals(2, shop.requests.size(), "everything came from the customer and the recent orders");
    }

    @Test
    void sendsTheKeyAsBasicCredentials() {
        shop.on("customers/25", Map.of(), sample(200, "woocommerce-customer.json"))
                .on("orders", RECENT_ORDERS, sample(200, "woocommerce-orders-list.json", "X-WP-Total", "2"));
        found(provider(5000).lookup(JOHN));
        // base64("ck_test:cs_test")
        assertTrue(shop.requests.stream().allMatch(r -> "Basic Y2tfdGVzdDpjc190ZXN0".equals(r.authorization())));
        assertTrue(shop.requests.stream().noneMatch(r -> r.query().containsKey("consumer_secret")));
    }

    @Test
    void takesTheShopsOwnTotalsWhenTheCustomerCarriesThem() {
        shop.on("customers/25", Map.of(), sample(200, "woocommerce-customer-v2-with-orders_count-total_spent.json"))
                .on("orders", RECENT_ORDERS, sample(200, "woocommerce-orders-list.json", "X-WP-Total", "2"));

        CustomerRecord john = found(provider(5000).lookup(JOHN));

        // The samples are demo data and disagree; the shop's own figures win over counting.
        assertEquals(0, john.orderCount());
        assertEquals(Money.of("0.00", "USD"), john.totalSpent());
        assertEquals(2, john.recentOrders().size());
        assertEquals(2, shop.requests.size());
    }

    @Test
    void sumsThePaidOrdersPageByPageWhenThereAreMoreThanTheRecentOnes() {
        shop.on("customers/25", Map.of(), sample(200, "woocommerce-customer.json"))
                .on("orders", RECENT_ORDERS, sample(200, "woocommerce-orders-list.json", "X-WP-Total", "12"))
                .on("orders", Map.of("customer", "25", "status", "completed,processing", "per_page", "100"),
                        sample(200, "woocommerce-orders-list.json", "X-WP-Total", "4", "X-WP-TotalPages", "2"));

        CustomerRecord john = found(provider(5000).lookup(JOHN));

        assertEquals(12, john.orderCount());
        assertEquals(Money.of("136.70", "USD"), john.totalSpent());
        assertEquals(List.of("1", "2"), shop.requests.stream()
                .filter(r -> r.query().containsKey("status")).map(r -> r.query().get("page")).toList());
    }

    @Test
    void findsACustomerByEmail() {
        // The documented list holds two customers; the adapter takes the one whose email matches.
        shop.on("customers", Map.of("email", "John.Doe+chat@example.com", "role", "all"),
                        sample(200, "woocommerce-customers-list.json"))
                .on("orders", RECENT_ORDERS, sample(200, "woocommerce-orders-list.json", "X-WP-Total", "2"));
        CustomerLookup plusAddress = provider(5000).lookup(
                CustomerReference.byEmail("woocommerce", "John.Doe+chat@example.com"));
        assertEquals(Outcome.NOT_FOUND, plusAddress.outcome(), "the query was encoded and no other customer taken");

        shop.on("customers", Map.of("email", "JOHN.DOE@example.com", "role", "all"),
                sample(200, "woocommerce-customers-list.json"));
        CustomerRecord john = found(provider(5000).lookup(
                CustomerReference.byEmail("woocommerce", "JOHN.DOE@example.com")));

        assertEquals("25", john.id());
        assertEquals("John Doe", john.name());
    }

    @Test
    void anEmailWithoutAccountIsNotFound() {
        shop.on("customers", Map.of("role", "all"), new SampleShop.Reply(200, "[]", Map.of(), Duration.ZERO));
        CustomerLookup lookup = provider(5000).lookup(CustomerReference.byEmail("woocommerce", "guest@example.com"));
        assertEquals(Outcome.NOT_FOUND, lookup.outcome());
        assertTrue(lookup.reason().contains("guest@example.com"), lookup.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"woocommerce-error-404-invalid_id.json", "woocommerce-error-404-resource.json"})
    void anUnknownCustomerIsNotFound(String error) {
        shop.on("customers/25", Map.of(), sample(404, error));
        CustomerLookup lookup = provider(5000).lookup(JOHN);
        assertEquals(Outcome.NOT_FOUND, lookup.outcome());
        assertTrue(lookup.reason().startsWith("WooCommerce has no customer 25 (404 woocommerce_rest_"),
                lookup.reason());
    }

    @Test
    void aWrongSecretMakesTheShopUnavailable() {
        shop.on("customers/25", Map.of(), sample(200, "woocommerce-customer.json"));
        CustomerLookup lookup = provider(5000, "cs_wrong").lookup(JOHN);
        assertEquals(Outcome.UNAVAILABLE, lookup.outcome());
        assertTrue(lookup.reason().endsWith("answered 401 woocommerce_rest_authentication_error: Consumer secret is"
                + " invalid. Check the consumer key, secret and key permission."), lookup.reason());
    }

    @Test
    void aShopWithoutTheRestRouteIsUnavailable() {
        // No routes: the sample shop answers rest_no_route, as WordPress does without WooCommerce.
        CustomerLookup lookup = provider(5000).lookup(JOHN);
        assertEquals(Outcome.UNAVAILABLE, lookup.outcome());
        assertTrue(lookup.reason().contains("404 rest_no_route"), lookup.reason());
        assertTrue(lookup.reason().contains("Is WooCommerce active and the shop URL right?"), lookup.reason());
    }

    @Test
    void aSlowShopTimesOut() {
        shop.on("customers/25", Map.of(), sample(200, "woocommerce-customer.json").after(Duration.ofSeconds(5)));
        long start = System.nanoTime();
        CustomerLookup lookup = provider(300).lookup(JOHN);
        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(Outcome.UNAVAILABLE, lookup.outcome());
        assertTrue(lookup.reason().contains("did not answer within"), lookup.reason());
        assertTrue(tookMillis < 3000, "took " + tookMillis + " ms");
    }

    @Test
    void theTimeOutCoversTheWholeLookup() {
        Duration wait = Duration.ofMillis(250);
        shop.on("customers/25", Map.of(), sample(200, "woocommerce-customer.json").after(wait))
                .on("orders", RECENT_ORDERS, sample(200, "woocommerce-orders-list.json").after(wait));
        CustomerLookup lookup = provider(400).lookup(JOHN);
        assertEquals(Outcome.UNAVAILABLE, lookup.outcome());
    }

    @Test
    void malformedJsonMakesTheShopUnavailable() {
        // WordPress with WP_DEBUG_DISPLAY on prints PHP notices before the JSON.
        String noticeFirst = "<br />\n<b>Deprecated</b>:  Function get_magic_quotes_gpc() is deprecated<br />\n"
                + SampleShop.resource("woocommerce-customer.json");
        shop.on("customers/25", Map.of(), new SampleShop.Reply(200, noticeFirst, Map.of(), Duration.ZERO));
        CustomerLookup lookup = provider(5000).lookup(JOHN);
        assertEquals(Outcome.UNAVAILABLE, lookup.outcome());
        assertTrue(lookup.reason().contains("malformed JSON for customer 25"), lookup.reason());
    }

    @Test
    void aJsonAnswerOfTheWrongShapeMakesTheShopUnavailable() {
        shop.on("customers/25", Map.of(), sample(200, "woocommerce-customers-list.json"));
        CustomerLookup lookup = provider(5000).lookup(JOHN);
        assertEquals(Outcome.UNAVAILABLE, lookup.outcome());
        assertTrue(lookup.reason().contains("not a customer record"), lookup.reason());
    }

    @Test
    void anIdThatIsNoNumberIsNotFoundWithoutAsking() {
        CustomerLookup lookup = provider(5000).lookup(CustomerReference.byId("woocommerce", "../orders"));
        assertEquals(Outcome.NOT_FOUND, lookup.outcome());
        assertTrue(shop.requests.isEmpty());
    }

    @Test
    void aShopThatIsDownIsUnavailable() {
        String url = shop.url();
        shop.close();
        CustomerLookup lookup = provider(url, 2000, SampleShop.SECRET).lookup(JOHN);
        assertEquals(Outcome.UNAVAILABLE, lookup.outcome());
        assertTrue(lookup.reason().startsWith("Cannot reach WooCommerce at 127.0.0.1:"), lookup.reason());
    }

    private WooCommerceProvider provider(int timeoutMillis) {
        return provider(timeoutMillis, SampleShop.SECRET);
    }

    private WooCommerceProvider provider(int timeoutMillis, String secret) {
        return provider(shop.url(), timeoutMillis, secret);
    }

    /** Configured from properties as Config Admin holds them, turned into the typed configuration as DS does. */
    static WooCommerceProvider provider(String url, int timeoutMillis, String secret) {
        Map<String, Object> properties = Map.of("shopUrl", url, "consumerKey", SampleShop.KEY,
                ".consumerSecret", secret, "timeoutMillis", timeoutMillis);
        return new WooCommerceProvider(Converters.standardConverter().convert(properties).to(WooCommerceConfig.class));
    }

    private static CustomerRecord found(CustomerLookup lookup) {
        assertEquals(Outcome.FOUND, lookup.outcome(), lookup.reason());
        assertNull(lookup.reason());
        return lookup.customer();
    }
}
