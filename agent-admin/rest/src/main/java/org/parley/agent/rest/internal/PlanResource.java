package org.parley.agent.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.Seats;
import org.parley.rest.problem.ProblemException;

/** {@code PUT /api/v1/plan}: the plan and its seats. */
@Component(service = PlanResource.class)
@JakartarsResource
@JSONRequired
@Path("plan")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
    private final Seats seats;
    private final AgentAccess access;

    @Activate
    public PlanResource(@Reference Seats seats, @Reference AgentSessions sessions) {
        this.seats = seats;
        this.access = new AgentAccess(sessions);
    }

    /** Moves to the free plan or to a paid plan with the given seats; answers with the usage under the new plan. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Json.UsageView change(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, Json.PlanBody body) {
        if (!AgentPermissions.mayChangePlan(access.writer(secret, csrfToken))) {
            throw Refusals.forbidden("Limited access: only agents with full access change the plan");
        }
        if (body == null || body.plan() == null) {
            throw ProblemException.invalid("plan", "Choose the FREE or the PAID plan");
        }
        if (body.seats() == null && body.plan() == PlanTier.PAID) {
            throw ProblemException.invalid("seats", "Say how many seats the paid plan has");
        }
        return Json.UsageView.of(seats.changePlan(body.plan(), body.seats() == null ? 0 : body.seats()), null);
    }
}
