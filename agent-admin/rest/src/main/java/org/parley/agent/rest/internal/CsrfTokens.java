package org.parley.agent.rest.internal;

import org.parley.agent.api.SessionCredentials;

/** The CSRF token of a session, as every bundle checks it ({@link SessionCredentials}). */
final class CsrfTokens {
    static final String HEADER = SessionCredentials.CSRF_HEADER;

    private CsrfTokens() {}

    static String of(String secret) {
        return SessionCredentials.csrfTokenOf(secret);
    }

    /** Whether the header carries the session's token; compared in constant time. */
    static boolean matches(String secret, String header) {
        return SessionCredentials.csrfTokenMatches(secret, header);
    }
}
