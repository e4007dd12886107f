package org.parley.agent.internal;

import static org.parley.agent.internal.FieldRules.conflict;
import static org.parley.agent.internal.FieldRules.invalid;
import static org.parley.agent.internal.FieldRules.notFound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChangeListener;
import org.parley.agent.api.Invitation;
import org.parley.agent.api.InvitationStatus;
import org.parley.agent.api.Invitations;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.NewInvitation;
import org.parley.agent.api.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Invitations in {@code agent_invitation}, keyed by the SHA-256 of their link's token. */
@Component(service = Invitations.class)
public final class SqlInvitations implements Invitations {
    static final Duration VALIDITY = Duration.ofDays(VALIDITY_DAYS);
    private static final Logger LOG = LoggerFactory.getLogger(SqlInvitations.class);

    private final AgentDatabase database;
    private final Passwords passwords;
    private final Clock clock;
    private final ChangeListeners changeListeners = new ChangeListeners();

    @Activate
    public SqlInvitations(@Reference AgentDatabase database) {
        this(database, Passwords.STANDARD, Clock.systemUTC());
    }

    /** With a clock that tests move forward. */
    public SqlInvitations(AgentDatabase database, Clock clock) {
        this(database, Passwords.STANDARD, clock);
    }

    SqlInvitations(AgentDatabase database, Passwords passwords, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Accepting an invitation creates an agent: the change listeners hear of it. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeChangeListener")
    void addChangeListener(AgentChangeListener listener) {
        changeListeners.add(listener);
    }

    void removeChangeListener(AgentChangeListener listener) {
        changeListeners.remove(listener);
    }

    @Override
    public NewInvitation invite(String email, AccessLevel accessLevel, String displayName, String invitedBy) {
        InvitationRow row = new InvitationRow();
        row.id = UUID.randomUUID().toString();
        row.email = FieldRules.email(email);
        if (row.email == null) {
            throw invalid("email", "Email address is required");
        }
        row.emailKey = FieldRules.key(row.email);
        row.accessLevel = FieldRules.accessLevel(accessLevel);
        if (row.accessLevel == AccessLevel.OWNER) {
            throw invalid("accessLevel", "Invite with FULL or LIMITED access; ownership can only be transferred");
        }
        row.displayName = displayName == null || displayName.isBlank() ? null : FieldRules.displayName(displayName);
        row.invitedBy = invitedBy;
        String token = Secrets.create();
        OffsetDateTime now = now();
        renewal(row, token, now);
        Invitation invitation = database.write(session -> {
            Plan plan = SeatLedger.lock(session);
            if (session.getMapper(AgentMapper.class).byEmail(row.emailKey) != null) {
                throw conflict("email", "Email already exists: an agent signs in with " + row.email);
            }
            // One pending invitation per address: a second would hold a second seat for the same person.
            if (session.getMapper(InvitationMapper.class).countPendingTo(row.emailKey, now) > 0) {
                throw conflict("email", "An invitation to " + row.email + " is pending; send it again instead");
            }
            SeatLedger.requireFreeSeat(session, plan, now, null);
            session.getMapper(InvitationMapper.class).insert(row);
            return row.toInvitation(now);
        });
        LOG.info("Invitation {} created with {} access by agent {}", row.id, row.accessLevel, invitedBy);
        return new NewInvitation(invitation, token);
    }

    @Override
    public List<Invitation> outstanding() {
        OffsetDateTime now = now();
        return database.read(session -> session.getMapper(InvitationMapper.class).open().stream()
                .map(row -> row.toInvitation(now))
                .toList());
    }

    @Override
    public NewInvitation resend(String id) {
        String token = Secrets.create();
        OffsetDateTime now = now();
        Invitation invitation = database.write(session -> {
            Plan plan = SeatLedger.lock(session);
            InvitationRow row = require(session, id);
            InvitationStatus status = row.status(now);
            if (status == InvitationStatus.ACCEPTED || status == InvitationStatus.REVOKED) {
                throw conflict("id", "This invitation was " + (status == InvitationStatus.ACCEPTED
                        ? "accepted" : "revoked") + "; invite again instead");
            }
            if (session.getMapper(AgentMapper.class).byEmail(row.emailKey) != null) {
                throw conflict("email", "Email already exists: an agent signs in with " + row.email);
            }
            // A pending invitation keeps its seat; an expired one needs a free one again.
            SeatLedger.requireFreeSeat(session, plan, now, row.id);
            renewal(row, token, now);
            if (session.getMapper(InvitationMapper.class).renew(row) != 1) {
                throw conflict("id", "Someone else changed this invitation at the same time; try again");
            }
            return row.toInvitation(now);
        });
        LOG.info("Invitation {} sent again; its previous link no longer works", id);
        return new NewInvitation(invitation, token);
    }

    @Override
    public void revoke(String id) {
        OffsetDateTime now = now();
        database.write(session -> {
            InvitationRow row = require(session, id);
            if (row.acceptedAt != null) {
                throw conflict("id", "This invitation was already accepted; delete the agent instead");
            }
            // Revoking twice changes nothing: the invitation stays revoked since the first time.
            return session.getMapper(InvitationMapper.class).revoke(id, now);
        });
        LOG.info("Invitation {} revoked", id);
    }

    @Override
    public Optional<Invitation> findByToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return database.read(session -> Optional.ofNullable(
                session.getMapper(InvitationMapper.class).byTokenHash(Secrets.hash(token.strip())))
                .map(row -> row.toInvitation(now)));
    }

    @Override
    public Agent accept(String token, String displayName, String username, String password) {
        Invitation invited = findByToken(token)
                .orElseThrow(() -> notFound("token", "This invitation link is not valid"));
        requirePending(invited);
        OffsetDateTime now = now();
        String name = displayName == null || displayName.isBlank() ? invited.displayName() : displayName;
        // Validated and hashed before taking a connection, like every new agent.
        AgentRow agent = SqlAgentDirectory.newRow(new NewAgent(name, username, password, invited.email(),
                invited.accessLevel()), passwords, now);
        Agent created = database.write(session -> {
            Plan plan = SeatLedger.lock(session);
            InvitationRow row = require(session, invited.id());
            requirePending(row.toInvitation(now));
            SqlAgentDirectory.requireUnique(session, agent);
            // The invitation's own seat becomes the agent's.
            SeatLedger.requireFreeSeat(session, plan, now, row.id);
            session.getMapper(AgentMapper.class).insert(agent);
            if (session.getMapper(InvitationMapper.class).accept(row.id, now) != 1) {
                throw conflict("token", "This invitation was used at the same time; sign in instead");
            }
            return AgentRow.load(session, agent.id);
        }, session -> SqlAgentDirectory.requireUnique(session, agent));
        LOG.info("Invitation {} accepted: agent '{}' ({}) created with {} access", invited.id(), created.username(),
                created.id(), created.accessLevel());
        changeListeners.changed(created);
        return created;
    }

    private static void requirePending(Invitation invitation) {
        switch (invitation.status()) {
            case PENDING -> { }
            case EXPIRED -> throw conflict("token", "This invitation expired; ask for a new one");
            case REVOKED -> throw conflict("token", "This invitation was revoked");
            case ACCEPTED -> throw conflict("token", "This invitation was already used; sign in instead");
            default -> throw new IllegalStateException(invitation.status().name());
        }
    }

    private static InvitationRow require(SqlSession session, String id) {
        InvitationRow row = id == null ? null : session.getMapper(InvitationMapper.class).byId(id);
        if (row == null) {
            throw notFound("id", "No invitation has the id " + id);
        }
        return row;
    }

    private static void renewal(InvitationRow row, String token, OffsetDateTime now) {
        row.tokenHash = Secrets.hash(token);
        row.createdAt = now;
        row.expiresAt = now.plus(VALIDITY);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
