package org.parley.agent.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSession;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.NewAgentSession;
import org.parley.agent.internal.SessionMapper.SessionRow;

/**
 * Agents' sessions in {@code agent_session}, keyed by the SHA-256 of their secret. A session lives for
 * {@link #IDLE_TIMEOUT} after its last use and never longer than {@link #MAX_LIFETIME} after sign-in.
 */
@Component(service = {AgentSessions.class, SqlAgentSessions.class})
public final class SqlAgentSessions implements AgentSessions {
    static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    static final Duration MAX_LIFETIME = Duration.ofDays(7);
    /** Uses closer together than this are not written down: one write a minute, not one per request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final AgentDatabase database;
    private final Clock clock;

    @Activate
    public SqlAgentSessions(@Reference AgentDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** With a clock that tests move forward. */
    SqlAgentSessions(AgentDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public NewAgentSession start(String agentId) {
        String secret = Secrets.create();
        OffsetDateTime now = now();
        SessionRow row = new SessionRow();
        row.secretHash = hash(secret);
        row.createdAt = now;
        row.lastSeenAt = now;
        row.expiresAt = expiry(now, now);
        Agent agent = database.write(session -> {
            AgentRow account = AgentRow.require(session, agentId, "agentId");
            if (!account.enabled) {
                throw FieldRules.invalid("agentId", account.displayName + " is disabled and cannot sign in");
            }
            row.agentId = account.id;
            SessionMapper sessions = session.getMapper(SessionMapper.class);
            // Sign-ins are rare: a fine moment to forget sessions that ended without a sign-out.
            sessions.deleteExpired(now);
            sessions.insert(row);
            return AgentRow.load(session, account.id);
        });
        return new NewAgentSession(new AgentSession(agent, now.toInstant(), row.expiresAt.toInstant()), secret);
    }

    @Override
    public boolean isSignedIn(String agentId) {
        OffsetDateTime now = now();
        return database.read(session -> session.getMapper(SessionMapper.class).liveOf(agentId, now) > 0);
    }

    /** The agents shown online whose every session has ended or expired. */
    java.util.List<String> onlineWithoutSession() {
        OffsetDateTime now = now();
        return database.read(session -> session.getMapper(SessionMapper.class).onlineWithoutSession(now));
    }

    @Override
    public Optional<AgentSession> find(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(secret);
        OffsetDateTime now = now();
        return database.write(session -> {
            SessionMapper sessions = session.getMapper(SessionMapper.class);
            SessionRow row = sessions.byHash(hash);
            if (row == null) {
                return Optional.empty();
            }
            if (!row.expiresAt.isAfter(now)) {
                sessions.delete(hash);
                return Optional.empty();
            }
            Agent agent = AgentRow.load(session, row.agentId);
            // Disabling deletes the sessions; this also covers a sign-in that raced with the disabling.
            if (agent == null || !agent.enabled()) {
                sessions.delete(hash);
                return Optional.empty();
            }
            OffsetDateTime expiresAt = row.expiresAt;
            if (Duration.between(row.lastSeenAt, now).compareTo(TOUCH_INTERVAL) >= 0) {
                expiresAt = expiry(row.createdAt, now);
                sessions.touch(hash, now, expiresAt);
            }
            return Optional.of(new AgentSession(agent, row.createdAt.toInstant(), expiresAt.toInstant()));
        });
    }

    @Override
    public Optional<AgentSession> peek(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(secret);
        OffsetDateTime now = now();
        return database.read(session -> {
            SessionRow row = session.getMapper(SessionMapper.class).byHash(hash);
            if (row == null || !row.expiresAt.isAfter(now)) {
                return Optional.empty();
            }
            Agent agent = AgentRow.load(session, row.agentId);
            if (agent == null || !agent.enabled()) {
                return Optional.empty();
            }
            return Optional.of(new AgentSession(agent, row.createdAt.toInstant(), row.expiresAt.toInstant()));
        });
    }

    @Override
    public void end(String secret) {
        if (secret != null && !secret.isBlank()) {
            database.write(session -> session.getMapper(SessionMapper.class).delete(hash(secret)));
        }
    }

    private static OffsetDateTime expiry(OffsetDateTime createdAt, OffsetDateTime lastSeenAt) {
        OffsetDateTime idle = lastSeenAt.plus(IDLE_TIMEOUT);
        OffsetDateTime limit = createdAt.plus(MAX_LIFETIME);
        return idle.isBefore(limit) ? idle : limit;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The stored form of a secret. */
    static String hash(String secret) {
        return Secrets.hash(secret);
    }
}
