package org.parley.agent.rest.internal;

import org.parley.agent.api.SessionCredentials;

/** The {@code parley_session} cookie that carries a session's secret. */
final class SessionCookie {
    static final String NAME = SessionCredentials.COOKIE;

    private SessionCookie() {}

    /**
     * The Set-Cookie value handing out a session. HttpOnly: page scripts never see the secret. SameSite=Strict:
     * browsers leave it off requests started by other sites. Secure when the request came over TLS. No Max-Age: the
     * server decides when the session ends, and the browser forgets it when it closes.
     */
    static String issue(String secret, boolean secure) {
        return NAME + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The Set-Cookie value that makes the browser forget the session. */
    static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
