package org.parley.chat.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * The visitors' rate limits (docs/realtime-protocol.md#limits): too many new visitors from one address, conversations
 * of one visitor or address, or messages of one visitor answer 429 with {@code Retry-After} and problem details. Per
 * node, in memory: a restart or another node starts counting afresh. (Typing frames have their own throttle.)
 */
@Component(service = VisitorLimits.class, configurationPid = VisitorLimitsConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = VisitorLimitsConfiguration.class)
public class VisitorLimits {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    private final RateLimit visitorsPerAddress;
    private final RateLimit conversationsPerVisitor;
    private final RateLimit conversationsPerAddress;
    private final RateLimit messagesBurst;
    private final RateLimit messagesPerMinute;
    private final java.util.function.Function<HttpServletRequest, String> addresses;

    @Activate
    public VisitorLimits(VisitorLimitsConfiguration configuration,
            @org.osgi.service.component.annotations.Reference VisitorOrigins origins) {
        this(configuration, System::currentTimeMillis, origins::address);
    }

    VisitorLimits(VisitorLimitsConfiguration c, LongSupplier clockMillis) {
        this(c, clockMillis, HttpServletRequest::getRemoteAddr);
    }

    VisitorLimits(VisitorLimitsConfiguration c, LongSupplier clockMillis,
            java.util.function.Function<HttpServletRequest, String> addresses) {
        this.addresses = addresses;
        visitorsPerAddress = new RateLimit("new visitors per IP address per minute",
                c.visitorsPerAddressPerMinute(), MINUTE, clockMillis);
        conversationsPerVisitor = new RateLimit("new conversations per visitor per hour",
                c.conversationsPerVisitorPerHour(), HOUR, clockMillis);
        conversationsPerAddress = new RateLimit("new conversations per IP address per hour",
                c.conversationsPerAddressPerHour(), HOUR, clockMillis);
        messagesBurst = new RateLimit("messages per visitor per 10 seconds",
                c.messagesPerVisitorPer10Seconds(), 10_000, clockMillis);
        messagesPerMinute = new RateLimit("messages per visitor per minute",
                c.messagesPerVisitorPerMinute(), MINUTE, clockMillis);
    }

    /**
     * The address a request came from, the key of the per-address limits: the direct peer, or the client a trusted
     * proxy names (configuration {@code org.parley.visitors}), so visitors behind a reverse proxy are counted apart.
     */
    String clientAddress(HttpServletRequest request) {
        return addresses.apply(request);
    }

    void newVisitor(HttpServletRequest request) {
        check(visitorsPerAddress, clientAddress(request));
    }

    void newConversation(String visitorId, HttpServletRequest request) {
        check(conversationsPerVisitor, visitorId);
        check(conversationsPerAddress, clientAddress(request));
    }

    void newMessage(String visitorId) {
        check(messagesBurst, visitorId);
        check(messagesPerMinute, visitorId);
    }

    private static void check(RateLimit limit, String key) {
        long waitMillis = limit.take(key);
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            throw new ProblemException(Problem.of(429, "Too many requests", "Limit of " + limit.capacity + " "
                    + limit.name + " reached; try again in " + seconds + " s"),
                    Response.status(429).header("Retry-After", seconds));
        }
    }
}
