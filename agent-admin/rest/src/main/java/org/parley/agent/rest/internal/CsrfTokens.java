package org.parley.agent.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of a session: an HMAC of a fixed label keyed with the session's secret. It is derived, not stored,
 * so that {@code GET /session} can hand it out again after a page reload; it cannot be computed without the secret,
 * which only the HttpOnly cookie holds, and not from the secret's hash in the database.
 */
final class CsrfTokens {
    static final String HEADER = "X-CSRF-Token";
    private static final byte[] LABEL = "parley-csrf-v1".getBytes(StandardCharsets.UTF_8);

    private CsrfTokens() {}

    static String of(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(LABEL));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /** Whether the header carries the session's token; compared in constant time. */
    static boolean matches(String secret, String header) {
        if (secret == null || header == null) {
            return false;
        }
        return MessageDigest.isEqual(of(secret).getBytes(StandardCharsets.UTF_8),
                header.trim().getBytes(StandardCharsets.UTF_8));
    }
}
