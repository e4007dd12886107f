package org.parley.agent.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.parley.agent.api.SessionCredentials;

/**
 * The {@code parley_session} cookie that carries a session's secret. HttpOnly: page scripts never see the secret.
 * SameSite=Strict: browsers leave it off requests started by other sites. Secure when the request came over TLS, or
 * always when so configured (behind a reverse proxy that ends TLS). No Max-Age: the server decides when the session
 * ends, and the browser forgets it when it closes.
 */
@Component(service = SessionCookie.class, configurationPid = SessionCookieConfiguration.PID)
@Designate(ocd = SessionCookieConfiguration.class)
public final class SessionCookie {
    static final String NAME = SessionCredentials.COOKIE;

    private final boolean alwaysSecure;

    @Activate
    public SessionCookie(SessionCookieConfiguration configuration) {
        this(configuration.alwaysSecure());
    }

    SessionCookie(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    /** The Set-Cookie value handing out a session. */
    String issue(String secret, HttpServletRequest request) {
        return NAME + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict" + secure(request);
    }

    /** The Set-Cookie value that makes the browser forget the session. */
    String clear(HttpServletRequest request) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure(request);
    }

    private String secure(HttpServletRequest request) {
        return alwaysSecure || request.isSecure() ? "; Secure" : "";
    }
}
