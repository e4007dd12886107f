package org.parley.agent.api;

import java.util.Set;

/**
 * Customers' phone numbers as agents may see them: in full for agents allowed to ({@link Agent#showRealPhoneNumbers()}),
 * otherwise masked to the country code, asterisks and the last four digits, such as {@code +1******5678} for
 * {@code +1 (234) 555-5678}. Mask on the server, in every answer that carries a number: hiding it only in the page
 * leaks it through the API.
 *
 * <p>The rule of {@link #mask}:
 * <ul>
 *   <li>Only digits count; spaces, brackets, dashes, dots, slashes and any other characters are dropped, so an
 *       extension written after the number counts as part of it.
 *   <li>A number that starts with {@code +} (after surrounding blanks) keeps the {@code +} and its country code. The
 *       country code is read from the digits as ITU-T E.164 assigns them, whatever the grouping: country codes are
 *       prefix-free, {@code 1} and {@code 7} are one digit, {@code 20, 27, 30-34, 36, 39, 40, 41, 43-49, 51-58,
 *       60-66, 81, 82, 84, 86, 90-95, 98} are two digits and every other code is three digits. So {@code +44 20 7946
 *       0958} and {@code +442079460958} both keep {@code +44}. A number without {@code +} (a national number, or one
 *       written with {@code 00}) keeps no prefix: its country is not known.
 *   <li>The rest shows one asterisk per digit, and the last four digits only when at least four other digits stay
 *       hidden (eight or more digits after the country code); shorter numbers show asterisks only, since a number
 *       with three or fewer hidden digits can be guessed. Nothing but the country code and the last four digits is
 *       ever shown, and the country code only when it is followed by at least one digit.
 *   <li>{@code null} stays {@code null}; a text without digits (blank included) becomes the empty text.
 * </ul>
 */
public final class PhoneNumbers {
    /** The number of trailing digits a masked number shows. */
    public static final int SHOWN_DIGITS = 4;

    private static final Set<String> ONE_DIGIT_CODES = Set.of("1", "7");
    private static final Set<String> TWO_DIGIT_CODES = Set.of("20", "27", "30", "31", "32", "33", "34", "36", "39",
            "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60",
            "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    private PhoneNumbers() {}

    /** Whether this agent sees customers' phone numbers in full: an enabled agent whose setting allows it. */
    public static boolean showRealPhoneNumbers(Agent viewer) {
        return viewer != null && viewer.enabled() && viewer.showRealPhoneNumbers();
    }

    /** The number as this agent may see it: as given, or {@linkplain #mask masked}. */
    public static String asSeenBy(Agent viewer, String number) {
        return showRealPhoneNumbers(viewer) ? number : mask(number);
    }

    /** The number masked by the rule in the class comment, e.g. {@code +1******5678}. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return "";
        }
        String prefix = "";
        String rest = digits;
        if (number.strip().startsWith("+")) {
            int codeLength = countryCodeLength(digits);
            prefix = "+";
            if (digits.length() > codeLength) {
                prefix += digits.substring(0, codeLength);
                rest = digits.substring(codeLength);
            }
        }
        int shown = rest.length() >= 2 * SHOWN_DIGITS ? SHOWN_DIGITS : 0;
        return prefix + "*".repeat(rest.length() - shown) + rest.substring(rest.length() - shown);
    }

    /** The length of the E.164 country code the digits start with: 1, 2 or 3. */
    static int countryCodeLength(String digits) {
        if (ONE_DIGIT_CODES.contains(digits.substring(0, 1))) {
            return 1;
        }
        if (digits.length() >= 2 && TWO_DIGIT_CODES.contains(digits.substring(0, 2))) {
            return 2;
        }
        return 3;
    }
}
