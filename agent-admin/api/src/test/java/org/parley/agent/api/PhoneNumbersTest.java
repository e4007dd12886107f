package org.parley.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // The country code read by E.164, whatever the grouping
        "+1 (234) 555-5678      | +1******5678",
        "+12345556789           | +1******6789",
        "+1-234-555-5678        | +1******5678",
        "+7 912 345 67 89       | +7******6789",
        "+44 20 7946 0958       | +44******0958",
        "+442079460958          | +44******0958",
        "+49 (0)30 1234 5678    | +49*******5678",
        "+49 30 12345678        | +49******5678",
        "+420 601 123 456       | +420*****3456",
        "+420601123456          | +420*****3456",
        "+852 2123 4567         | +852****4567",
        "+353 1 234 5678        | +353****5678",
        "'  +33 1 23 45 67 89 ' | +33*****6789",
        "+1.234.555.5678        | +1******5678",
        "+1/234/555/5678        | +1******5678",
        // Numbers without + keep no prefix
        "(234) 555-5678         | ******5678",
        "0171 2345678           | *******5678",
        "0049 30 12345678       | **********5678",
        "12345678               | ****5678",
        // Too short to show the last four: at least four other digits must stay hidden
        "+12345678              | +1*******",
        "+1 234 5678            | +1*******",
        "+44 1234               | +44****",
        "555-5678               | *******",
        "5678                   | ****",
        "1                      | *",
        // Only a country code, or less: nothing but asterisks after the +
        "+1                     | +*",
        "+44                    | +**",
        "+4                     | +*",
        "+420                   | +***",
        // Extensions and stray characters count as digits or are dropped
        "+1 234 555 5678 ext 12 | +1********7812",
        "tel:+1 234 555 5678    | *******5678",
    })
    void masksToCountryCodeAsterisksAndTheLastFourDigits(String number, String masked) {
        assertEquals(masked, PhoneNumbers.mask(number));
    }

    @Test
    void nullStaysNull() {
        assertNull(PhoneNumbers.mask(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "+", "n/a", "+ - ( )", "unknown"})
    void textWithoutDigitsBecomesEmpty(String number) {
        assertEquals("", PhoneNumbers.mask(number));
    }

    /** Whatever the input, no digit shows except the country code and the last four digits. */
    @ParameterizedTest
    @ValueSource(strings = {"+1 (234) 555-5678", "+442079460958", "0171 2345678", "+12345678", "555-5678", "+3531",
        "+1 234 555 5678 ext 12", "98765432109876543210", "+999 1234 5678 9012"})
    void neverRevealsMoreThanTheCountryCodeAndTheLastFourDigits(String number) {
        String masked = PhoneNumbers.mask(number);
        String digits = number.replaceAll("[^0-9]", "");
        String shown = masked.replaceAll("[^0-9]", "");
        String code = masked.startsWith("+") ? masked.substring(1).replaceAll("\\*.*", "") : "";
        assertTrue(shown.length() - code.length() <= PhoneNumbers.SHOWN_DIGITS, masked);
        assertTrue(digits.endsWith(shown.substring(code.length())), masked);
        assertTrue(digits.length() - shown.length() >= Math.min(digits.length() - code.length(),
                PhoneNumbers.SHOWN_DIGITS), "at least four digits hidden when any are shown: " + masked);
        assertEquals(digits.length(), masked.replace("+", "").length(), "one character per digit: " + masked);
    }

    @ParameterizedTest(name = "+{0}… has a {1}-digit country code")
    @CsvSource({"1, 1", "7, 1", "20, 2", "27, 2", "30, 2", "36, 2", "39, 2", "44, 2", "49, 2", "55, 2", "66, 2",
        "81, 2", "86, 2", "98, 2", "212, 3", "351, 3", "380, 3", "420, 3", "599, 3", "852, 3", "880, 3", "971, 3",
        "998, 3"})
    void countryCodesFollowE164(String code, int length) {
        assertEquals(length, PhoneNumbers.countryCodeLength(code + "5551234567"));
    }

    @Test
    void onlyEnabledAgentsWithTheSettingSeeRealNumbers() {
        String number = "+1 (234) 555-5678";
        assertEquals(number, PhoneNumbers.asSeenBy(agent(true, true), number));
        assertEquals("+1******5678", PhoneNumbers.asSeenBy(agent(false, true), number));
        assertEquals("+1******5678", PhoneNumbers.asSeenBy(agent(true, false), number));
        assertEquals("+1******5678", PhoneNumbers.asSeenBy(null, number));
        assertTrue(PhoneNumbers.showRealPhoneNumbers(agent(true, true)));
        assertFalse(PhoneNumbers.showRealPhoneNumbers(agent(false, true)));
        assertFalse(PhoneNumbers.showRealPhoneNumbers(null));
        assertNull(PhoneNumbers.asSeenBy(agent(false, true), null));
    }

    private static Agent agent(boolean showRealPhoneNumbers, boolean enabled) {
        return new Agent("id", "agent", "Agent", null, null, AccessLevel.LIMITED, true, enabled,
                showRealPhoneNumbers, null, List.of(), Instant.EPOCH);
    }
}
