package org.parley.agent.rest.internal;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.ConversationStatistics;
import org.parley.agent.api.Seats;

/** {@code GET /api/v1/usage}: the usage overview beside the agent list. */
@Component(service = UsageResource.class)
@JakartarsResource
@JSONRequired
@Path("usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {
    static final Duration MONTH = Duration.ofDays(30);

    private final Seats seats;
    private final AgentAccess access;
    private final Clock clock;

    /**
     * Provided by the chat core, which depends on this bundle and not the other way round; it may come and go while
     * Parley runs, and until it comes the usage reports 0 conversations.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConversationStatistics statistics;

    @Activate
    public UsageResource(@Reference Seats seats, @Reference AgentSessions sessions) {
        this(seats, sessions, Clock.systemUTC());
    }

    UsageResource(Seats seats, AgentSessions sessions, Clock clock) {
        this.seats = seats;
        this.access = new AgentAccess(sessions);
        this.clock = clock;
    }

    @GET
    public Json.UsageView usage(@CookieParam(SessionCookie.NAME) String secret) {
        if (!AgentPermissions.maySeeUsage(access.reader(secret))) {
            throw Refusals.forbidden("Limited access: only agents with full access see the plan and usage");
        }
        ConversationStatistics current = statistics;
        long conversations = current == null ? 0 : current.conversationsSince(Instant.now(clock).minus(MONTH));
        return Json.UsageView.of(seats.usage(), conversations);
    }
}
