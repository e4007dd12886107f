package org.parley.chat.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where visitors' requests come from: which proxies to believe, and where to look up locations. */
@ObjectClassDefinition(
        id = VisitorsConfig.PID,
        name = "Parley visitors",
        description = "How Parley determines visitors' IP addresses and locations.")
@interface VisitorsConfig {
    String PID = "org.parley.visitors";

    @AttributeDefinition(
            name = "Trusted proxies",
            description = "IP addresses or CIDR ranges (such as 10.0.0.0/8 or fd00::/8) of the reverse proxies in front"
                    + " of Parley. Only requests from these peers have their Forwarded, X-Forwarded-For and location"
                    + " headers (CF-IPCountry, X-Country, X-City) believed; empty trusts nobody.")
    String[] trustedProxies() default {};

    @AttributeDefinition(
            name = "GeoIP database",
            description = "Path of a MaxMind GeoIP2 or GeoLite2 City or Country database (.mmdb) to look up visitors'"
                    + " locations; empty uses only trusted proxies' location headers.")
    String geoipDatabase() default "";
}
