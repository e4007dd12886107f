package org.parley.agent.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a browser carries an agent's session to the REST API of any Parley bundle: the session secret in the
 * {@value #COOKIE} cookie, and on every change the session's CSRF token in the {@value #CSRF_HEADER} header. Shared
 * here so that every bundle checks it the same way; look the session up with {@link AgentSessions#find}.
 *
 * <p>The CSRF token is an HMAC of a fixed label keyed with the session's secret. It is derived, not stored, so that
 * it can be handed out again after a page reload; it cannot be computed without the secret, which only the HttpOnly
 * cookie holds, and not from the secret's hash in the database.
 */
public final class SessionCredentials {
    /** The cookie holding the session's secret. */
    public static final String COOKIE = "parley_session";
    /** The header that must carry the session's CSRF token on every POST, PUT, PATCH and DELETE. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final byte[] LABEL = "parley-csrf-v1".getBytes(StandardCharsets.UTF_8);

    private SessionCredentials() {}

    /** The CSRF token of the session with this secret. */
    public static String csrfTokenOf(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(LABEL));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /** Whether the header carries the session's CSRF token; compared in constant time. False when either is null. */
    public static boolean csrfTokenMatches(String secret, String header) {
        if (secret == null || header == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfTokenOf(secret).getBytes(StandardCharsets.UTF_8),
                header.trim().getBytes(StandardCharsets.UTF_8));
    }
}
