package org.parley.customer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.chat.api.Visitor;
import org.parley.chat.api.PhoneNumber;
import org.parley.chat.api.VisitorInfoSection;
import org.parley.customer.spi.CustomerInfoProvider;
import org.parley.customer.spi.CustomerLookup;
import org.parley.customer.spi.CustomerRecord;
import org.parley.customer.spi.CustomerReference;
import org.parley.customer.spi.Money;
import org.parley.customer.spi.OrderSummary;
import org.parley.platform.testing.MovableClock;

/** The adapters here are small SPI implementations written for the test, standing in for a shop adapter bundle. */
class CustomerInfoContributorTest {
    private static final Visitor VISITOR = new Visitor("v-1", Instant.parse("2026-01-01T09:00:00Z"));
    private static final CustomerReference JOHN = CustomerReference.byId("woocommerce", "25");
    private static final CustomerRecord JOHN_DOE = new CustomerRecord("25", "John Doe", "john.doe@example.com",
            "(555) 555-5555", new Money(new BigDecimal("68.35"), "USD"), 2,
            List.of(new OrderSummary("727", Instant.parse("2017-03-22T19:28:02Z"), "processing",
                    Money.of("29.35", "USD"))),
            URI.create("https://shop.example/wp-admin/user-edit.php?user_id=25"));

    private final MovableClock clock = new MovableClock();
    private final MemoryCustomerLinks links = new MemoryCustomerLinks();
    private final AtomicInteger asked = new AtomicInteger();
    private CustomerInfoContributor contributor;

    @BeforeEach
    void start() {
        contributor = new CustomerInfoContributor(links, clock, Duration.ofSeconds(60), 100, Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        contributor.deactivate();
    }

    @Test
    void addsNothingForAVisitorWhoIsNotSignedIn() {
        contributor.bindProvider(answering(CustomerLookup.found(JOHN_DOE)), woocommerce());
        assertTrue(contributor.contribute(VISITOR).isEmpty());
        assertEquals(0, asked.get());
    }

    @Test
    void showsTheCustomerRecordOfALinkedVisitor() {
        contributor.bindProvider(answering(CustomerLookup.found(JOHN_DOE)), woocommerce());
        links.link(VISITOR.id(), JOHN);

        VisitorInfoSection section = contributor.contribute(VISITOR).orElseThrow();

        assertEquals("customer", section.key());
        assertEquals(List.of("status", "platform", "id", "name", "email", "phone", "totalSpent", "orderCount",
                "recentOrders", "adminUrl"), List.copyOf(section.fields().keySet()));
        assertEquals("found", section.fields().get("status"));
        assertEquals("John Doe", section.fields().get("name"));
        assertEquals(new PhoneNumber(JOHN_DOE.phone()), section.fields().get("phone"), "for chat core to mask");
        assertEquals(Map.of("amount", "68.35", "currency", "USD"), section.fields().get("totalSpent"));
        assertEquals(2, section.fields().get("orderCount"));
        assertEquals(List.of(Map.of("number", "727", "createdAt", "2017-03-22T19:28:02Z", "status", "processing",
                "total", Map.of("amount", "29.35", "currency", "USD"))), section.fields().get("recentOrders"));
        assertEquals("https://shop.example/wp-admin/user-edit.php?user_id=25", section.fields().get("adminUrl"));
    }

    @Test
    void saysWhenTheShopDoesNotKnowTheCustomer() {
        contributor.bindProvider(answering(CustomerLookup.notFound("No customer 25")), woocommerce());
        links.link(VISITOR.id(), JOHN);
        Map<String, Object> fields = contributor.contribute(VISITOR).orElseThrow().fields();
        assertEquals(Map.of("status", "not-found", "platform", "woocommerce", "id", "25", "reason",
                "No customer 25"), fields);
    }

    @Test
    void copesWithAdaptersComingAndGoing() {
        links.link(VISITOR.id(), JOHN);
        assertEquals("unavailable", status());

        CustomerInfoProvider adapter = answering(CustomerLookup.found(JOHN_DOE));
        contributor.bindProvider(adapter, woocommerce());
        assertEquals("found", status());

        contributor.unbindProvider(adapter, woocommerce());
        assertEquals("unavailable", status());
        assertTrue(contributor.contribute(VISITOR).orElseThrow().fields().get("reason").toString()
                .contains("No adapter for the shop platform 'woocommerce'"));
    }

    @Test
    void ignoresAnAdapterWithoutPlatform() {
        contributor.bindProvider(answering(CustomerLookup.found(JOHN_DOE)), Map.of());
        links.link(VISITOR.id(), JOHN);
        assertEquals("unavailable", status());
    }

    @Test
    void asksTheShopAgainOnlyAfterTheCacheTime() {
        contributor.bindProvider(answering(CustomerLookup.found(JOHN_DOE)), woocommerce());
        links.link(VISITOR.id(), JOHN);
        status();
        clock.advance(Duration.ofSeconds(30));
        status();
        assertEquals(1, asked.get());
        clock.advance(Duration.ofSeconds(31));
        status();
        assertEquals(2, asked.get());
    }

    @Test
    void aReplacedAdapterIsAskedAfresh() {
        CustomerInfoProvider old = answering(CustomerLookup.unavailable("Consumer secret is invalid."));
        contributor.bindProvider(old, woocommerce());
        links.link(VISITOR.id(), JOHN);
        assertEquals("unavailable", status());
        contributor.unbindProvider(old, woocommerce());
        contributor.bindProvider(answering(CustomerLookup.found(JOHN_DOE)), woocommerce());
        assertEquals("found", status());
    }

    @Test
    void aSlowShopNeverHoldsUpTheAgent() throws Exception {
        CountDownLatch shopAnswers = new CountDownLatch(1);
        contributor.bindProvider(reference -> {
            asked.incrementAndGet();
            try {
                shopAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CustomerLookup.found(JOHN_DOE);
        }, woocommerce());
        links.link(VISITOR.id(), JOHN);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertEquals("pending", status()));
        shopAnswers.countDown();
        assertEquals("found", eventually("found"));
        assertEquals(1, asked.get(), "the slow answer was kept for the next refresh");
    }

    @Test
    void anAdapterThatBreaksTheContractCountsAsUnavailable() {
        contributor.bindProvider(reference -> {
            throw new IllegalStateException("boom");
        }, woocommerce());
        links.link(VISITOR.id(), JOHN);
        Map<String, Object> fields = contributor.contribute(VISITOR).orElseThrow().fields();
        assertEquals("unavailable", fields.get("status"));
        assertTrue(fields.get("reason").toString().contains("boom"));

        links.link(VISITOR.id(), CustomerReference.byId("shopify", "1"));
        contributor.bindProvider(reference -> null, Map.of(CustomerInfoProvider.PLATFORM_PROPERTY, "shopify"));
        assertEquals("unavailable", status());
    }

    private String status() {
        return (String) contributor.contribute(VISITOR).orElseThrow().fields().get("status");
    }

    private String eventually(String expected) throws InterruptedException {
        String status = status();
        for (int i = 0; i < 50 && !expected.equals(status); i++) {
            Thread.sleep(20);
            status = status();
        }
        return status;
    }

    private CustomerInfoProvider answering(CustomerLookup lookup) {
        return reference -> {
            asked.incrementAndGet();
            return lookup;
        };
    }

    private static Map<String, Object> woocommerce() {
        return Map.of(CustomerInfoProvider.PLATFORM_PROPERTY, "woocommerce", "service.id", 1L);
    }
}
