package org.parley.agent.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.Plan;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.SeatUsage;
import org.parley.agent.api.Seats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plan in {@code agent_plan}, and the seats agents and pending invitations take. */
@Component(service = Seats.class)
public final class SqlSeats implements Seats {
    private static final Logger LOG = LoggerFactory.getLogger(SqlSeats.class);

    private final AgentDatabase database;
    private final Clock clock;

    @Activate
    public SqlSeats(@Reference AgentDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** With a clock that tests move forward, which decides when invitations stop holding seats. */
    public SqlSeats(AgentDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public SeatUsage usage() {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        return database.read(session -> SeatLedger.usage(session,
                session.getMapper(PlanMapper.class).read().toPlan(), now, null));
    }

    @Override
    public SeatUsage changePlan(PlanTier tier, int seats) {
        if (tier == null) {
            throw FieldRules.invalid("plan", "Choose the FREE or the PAID plan");
        }
        int wanted = tier == PlanTier.FREE ? Plan.FREE_SEATS : seats;
        if (wanted < 1 || wanted > Plan.MAX_SEATS) {
            throw FieldRules.invalid("seats", "A paid plan has 1 to " + Plan.MAX_SEATS + " seats");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        SeatUsage usage = database.write(session -> {
            // The same lock as creations and invitations: none can take a seat while the limit moves.
            SeatLedger.lock(session);
            SeatUsage current = SeatLedger.usage(session, new Plan(tier, wanted), now, null);
            if (current.used() > wanted) {
                throw FieldRules.conflict("seats", current.used() + " seats are taken (" + current.agents()
                        + " agents, " + current.pendingInvitations() + " pending invitations), more than the "
                        + wanted + " of the new plan. Delete agents or revoke invitations first.");
            }
            session.getMapper(PlanMapper.class).update(tier, wanted);
            return current;
        });
        LOG.info("Plan changed to {} with {} seats", tier, wanted);
        return usage;
    }
}
