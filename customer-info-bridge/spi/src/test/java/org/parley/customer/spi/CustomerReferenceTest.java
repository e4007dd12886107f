package org.parley.customer.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CustomerReferenceTest {
    @Test
    void needsAPlatformAndAnIdOrEmail() {
        assertEquals("25", CustomerReference.byId("woocommerce", " 25 ").customerId());
        assertNull(CustomerReference.byEmail("woocommerce", "a@example.com").customerId());
        assertThrows(IllegalArgumentException.class, () -> new CustomerReference("woocommerce", " ", ""));
        assertThrows(IllegalArgumentException.class, () -> CustomerReference.byId(" ", "25"));
        assertThrows(NullPointerException.class, () -> CustomerReference.byId(null, "25"));
    }

    @Test
    void equalReferencesAreOneCustomer() {
        assertEquals(CustomerReference.byId("woocommerce", "25"), new CustomerReference("woocommerce", "25", ""));
    }
}
