package org.parley.chat.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived tickets for the Server-Sent Events stream. A browser's EventSource cannot send an
 * {@code Authorization} header, and the visitor's token must not travel in a URL (access logs, proxies, history keep
 * URLs), so the visitor trades the token for a ticket valid {@link #VALID_MILLIS}, which may appear in the URL. A
 * ticket names the visitor and its expiry, signed with HMAC-SHA256 under a key made at start and kept in memory only:
 * tickets die with the node that issued them (they live a minute anyway).
 */
final class StreamTickets {
    static final long VALID_MILLIS = 60_000;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** A ticket and when it stops working. */
    record Ticket(String ticket, long expiresAtMillis) {}

    private final byte[] key = new byte[32];
    private final LongSupplier clockMillis;

    StreamTickets(LongSupplier clockMillis) {
        new SecureRandom().nextBytes(key);
        this.clockMillis = clockMillis;
    }

    Ticket issue(String visitorId) {
        long expires = clockMillis.getAsLong() + VALID_MILLIS;
        String payload = visitorId + "." + expires;
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return new Ticket(encoded + "." + ENCODER.encodeToString(sign(encoded)), expires);
    }

    /** The visitor of a genuine, unexpired ticket. */
    Optional<String> visitor(String ticket) {
        if (ticket == null || ticket.length() > 400) {
            return Optional.empty();
        }
        int dot = ticket.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String encoded = ticket.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(ticket.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(encoded))) {
                return Optional.empty();
            }
            String payload = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
            int last = payload.lastIndexOf('.');
            long expires = Long.parseLong(payload.substring(last + 1));
            return clockMillis.getAsLong() < expires ? Optional.of(payload.substring(0, last)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
