package org.parley.customer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.customer.spi.CustomerReference;

class MemoryCustomerLinksTest {
    private static final CustomerReference JOHN = CustomerReference.byId("woocommerce", "25");
    private static final CustomerReference JOAO = CustomerReference.byId("woocommerce", "26");

    @Test
    void linksReplaceAndForget() {
        MemoryCustomerLinks links = new MemoryCustomerLinks();
        links.link("v1", JOHN);
        assertEquals(JOHN, links.find("v1").orElseThrow());
        links.link("v1", JOAO);
        assertEquals(JOAO, links.find("v1").orElseThrow());
        links.unlink("v1");
        assertTrue(links.find("v1").isEmpty());
        assertTrue(links.find("nobody").isEmpty());
    }

    @Test
    void dropsTheLeastRecentlyUsedLinkWhenFull() {
        MemoryCustomerLinks links = new MemoryCustomerLinks(2);
        links.link("v1", JOHN);
        links.link("v2", JOAO);
        links.find("v1");
        links.link("v3", JOAO);
        assertTrue(links.find("v1").isPresent());
        assertTrue(links.find("v2").isEmpty());
        assertTrue(links.find("v3").isPresent());
    }
}
