package org.parley.customer.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void keepsTheShopsDecimalsExactly() {
        Money money = Money.of("29.35", "USD");
        assertEquals(new BigDecimal("29.35"), money.amount());
        assertEquals("29.35 USD", money.toString());
        assertEquals("361.9500 EUR", Money.of("361.9500", "EUR").toString());
    }

    @Test
    void rejectsWhatIsNotMoney() {
        assertThrows(NumberFormatException.class, () -> Money.of("12,50", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "usd"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "$"));
        assertThrows(NullPointerException.class, () -> new Money(BigDecimal.ONE, null));
    }
}
