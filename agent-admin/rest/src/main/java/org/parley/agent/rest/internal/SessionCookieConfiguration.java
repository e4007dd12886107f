package org.parley.agent.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the agents' session cookie is marked; configuration PID {@code org.parley.session}. */
@ObjectClassDefinition(name = "Parley agents' session cookie",
        description = "How the cookie that keeps agents signed in is marked.")
public @interface SessionCookieConfiguration {
    String PID = "org.parley.session";

    @AttributeDefinition(name = "Always Secure", description = "Mark the session cookie Secure on every response,"
            + " so browsers send it over HTTPS only. Set this when a reverse proxy serves Parley over HTTPS and"
            + " ends TLS itself (Parley then sees plain HTTP and cannot tell). Leave it off while browsers reach"
            + " Parley over plain HTTP: they would drop the cookie and nobody could sign in. Without it, the cookie"
            + " is Secure when the request reached Parley over TLS.")
    boolean alwaysSecure() default false;
}
