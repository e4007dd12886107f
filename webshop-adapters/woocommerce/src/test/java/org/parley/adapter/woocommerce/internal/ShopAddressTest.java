package org.parley.adapter.woocommerce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ShopAddressTest {
    @Test
    void acceptsHttpsAndKeepsTheWordPressFolder() {
        assertEquals(URI.create("https://shop.example.com/"), ShopAddress.parse(" https://shop.example.com "));
        assertEquals(URI.create("https://example.com/shop/"), ShopAddress.parse("https://example.com/shop"));
        assertEquals(URI.create("https://example.com/shop/"), ShopAddress.parse("HTTPS://example.com/shop/"));
    }

    @Test
    void acceptsPlainHttpOnlyOnThisMachine() {
        assertEquals(URI.create("http://localhost:8080/"), ShopAddress.parse("http://localhost:8080"));
        assertEquals(URI.create("http://127.0.0.1:8080/"), ShopAddress.parse("http://127.0.0.1:8080"));
        assertEquals(URI.create("http://[::1]:8080/"), ShopAddress.parse("http://[::1]:8080"));
        assertThrows(IllegalArgumentException.class, () -> ShopAddress.parse("http://shop.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ShopAddress.parse("http://127.0.0.1.example.com"));
    }

    @Test
    void rejectsWhatIsNoShopAddress() {
        assertThrows(IllegalArgumentException.class, () -> ShopAddress.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ShopAddress.parse("shop.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ShopAddress.parse("ftp://shop.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ShopAddress.parse("https://user:pw@shop.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ShopAddress.parse("https://shop.example.com/?a=b"));
    }
}
