package org.parley.agent.internal;

import static org.parley.agent.internal.FieldRules.conflict;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChangeListener;
import org.parley.agent.api.AgentChanges;
import org.parley.agent.api.AgentDeletionListener;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Plan;
import org.parley.agent.api.Presence;
import org.parley.agent.api.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent directory, kept in the installation's database. */
@Component(service = AgentDirectory.class)
public final class SqlAgentDirectory implements AgentDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(SqlAgentDirectory.class);

    private final AgentDatabase database;
    private final Passwords passwords;
    private final Clock clock;
    private final AgentStatus status;
    private final List<AgentDeletionListener> deletionListeners = new CopyOnWriteArrayList<>();
    private final ChangeListeners changeListeners = new ChangeListeners();

    @Activate
    public SqlAgentDirectory(@Reference AgentDatabase database) {
        this(database, Passwords.STANDARD, Clock.systemUTC());
    }

    /** With a clock that tests move forward: it decides when invitations stop holding seats. */
    public SqlAgentDirectory(AgentDatabase database, Clock clock) {
        this(database, Passwords.STANDARD, clock);
    }

    /** With cheaper password hashes, for tests that create many agents. */
    SqlAgentDirectory(AgentDatabase database, Passwords passwords, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.clock = clock;
        this.status = new AgentStatus(database);
    }

    /** Public, like the constructors, for the tests of the bundles that provide listeners (chat core). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeDeletionListener")
    public void addDeletionListener(AgentDeletionListener listener) {
        deletionListeners.add(listener);
    }

    public void removeDeletionListener(AgentDeletionListener listener) {
        deletionListeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeChangeListener")
    void addChangeListener(AgentChangeListener listener) {
        changeListeners.add(listener);
    }

    void removeChangeListener(AgentChangeListener listener) {
        changeListeners.remove(listener);
    }

    @Override
    public Agent create(NewAgent request) {
        Objects.requireNonNull(request, "agent");
        List<String> queueIds = FieldRules.ids("queueIds", request.queueIds());
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        AgentRow row = newRow(request, passwords, now);
        Agent agent = database.write(session -> {
            Plan plan = SeatLedger.lock(session);
            requireUnique(session, row);
            SeatLedger.requireFreeSeat(session, plan, now, null);
            QueueCatalog.requireExisting(session, queueIds);
            session.getMapper(AgentMapper.class).insert(row);
            QueueCatalog.setMemberships(session, row.id, queueIds);
            return AgentRow.load(session, row.id);
        }, session -> requireUnique(session, row));
        LOG.info("Agent '{}' ({}) created with {} access", agent.username(), agent.id(), agent.accessLevel());
        changeListeners.changed(agent);
        return agent;
    }

    /**
     * A new agent's row, every field validated and the password hashed; slow on purpose, so call it before taking
     * a connection.
     */
    static AgentRow newRow(NewAgent request, Passwords passwords, OffsetDateTime now) {
        AgentRow row = new AgentRow();
        row.id = UUID.randomUUID().toString();
        row.displayName = FieldRules.displayName(request.displayName());
        row.username = FieldRules.username(request.username());
        row.usernameKey = FieldRules.key(row.username);
        String password = FieldRules.password(request.password());
        row.email = FieldRules.email(request.email());
        row.emailKey = FieldRules.key(row.email);
        row.description = FieldRules.description(request.description());
        row.accessLevel = FieldRules.accessLevel(request.accessLevel());
        row.active = request.active();
        row.enabled = true;
        row.showRealPhoneNumbers = request.showRealPhoneNumbers();
        row.maxConcurrentSessions = FieldRules.maxConcurrentSessions(request.maxConcurrentSessions());
        row.createdAt = now;
        row.passwordHash = passwords.hash(password);
        return row;
    }

    @Override
    public Optional<Agent> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return database.read(session -> Optional.ofNullable(AgentRow.load(session, id)));
    }

    @Override
    public Optional<Agent> findByLogin(String usernameOrEmail) {
        return database.read(session -> Optional.ofNullable(byLogin(session, usernameOrEmail))
                .map(row -> row.toAgent(QueueCatalog.queuesOf(session, row.id))));
    }

    @Override
    public List<Agent> list() {
        return database.read(session -> {
            Map<String, List<Queue>> queues = QueueCatalog.queuesByAgent(session);
            return session.getMapper(AgentMapper.class).all().stream()
                    .map(row -> row.toAgent(queues.getOrDefault(row.id, List.of())))
                    .toList();
        });
    }

    @Override
    public int count() {
        return database.read(session -> session.getMapper(AgentMapper.class).count());
    }

    @Override
    public Agent edit(String id, AgentChanges changes) {
        Objects.requireNonNull(changes, "changes");
        AgentRow edited = new AgentRow();
        edited.id = id;
        edited.displayName = FieldRules.displayName(changes.displayName());
        boolean keepPassword = changes.password() == null || changes.password().isBlank();
        String password = keepPassword ? null : FieldRules.password(changes.password());
        edited.email = FieldRules.email(changes.email());
        edited.emailKey = FieldRules.key(edited.email);
        edited.description = FieldRules.description(changes.description());
        edited.accessLevel = FieldRules.accessLevel(changes.accessLevel());
        edited.showRealPhoneNumbers = changes.showRealPhoneNumbers();
        edited.maxConcurrentSessions = FieldRules.maxConcurrentSessions(changes.maxConcurrentSessions());
        List<String> queueIds = FieldRules.ids("queueIds", changes.queueIds());
        String newHash = keepPassword ? null : passwords.hash(password);
        Agent agent = database.write(session -> {
            AgentRow current = AgentRow.require(session, id, "id");
            if ((current.accessLevel == AccessLevel.OWNER) != (edited.accessLevel == AccessLevel.OWNER)) {
                throw conflict("accessLevel", current.accessLevel == AccessLevel.OWNER
                        ? "The owner's access cannot be reduced; transfer ownership to another agent first"
                        : "Only a transfer of ownership makes an agent the owner");
            }
            requireUnique(session, edited);
            QueueCatalog.requireExisting(session, queueIds);
            edited.passwordHash = keepPassword ? current.passwordHash : newHash;
            session.getMapper(AgentMapper.class).update(edited);
            QueueCatalog.setMemberships(session, id, queueIds);
            return AgentRow.load(session, id);
        }, session -> requireUnique(session, edited));
        LOG.info("Agent '{}' ({}) edited{}", agent.username(), agent.id(), keepPassword ? "" : ", password reset");
        changeListeners.changed(agent);
        return agent;
    }

    @Override
    public void setEnabled(Collection<String> ids, boolean enabled) {
        List<String> unique = FieldRules.ids("ids", ids);
        status.setEnabled(unique, enabled);
        LOG.info("Agents {} {}", unique, enabled ? "enabled" : "disabled");
        announce(unique);
    }

    @Override
    public void setActive(Collection<String> ids, boolean active) {
        List<String> unique = FieldRules.ids("ids", ids);
        status.setActive(unique, active);
        LOG.info("Agents {} {}", unique, active ? "activated" : "deactivated");
        announce(unique);
    }

    @Override
    public Agent setPresence(String id, Presence presence) {
        Agent agent = status.setPresence(id, presence);
        LOG.info("Agent '{}' ({}) is {}", agent.username(), agent.id(), agent.presence());
        changeListeners.changed(agent);
        return agent;
    }

    /** Tells the change listeners about these agents as they are now. */
    private void announce(List<String> ids) {
        ids.forEach(id -> find(id).ifPresent(changeListeners::changed));
    }

    @Override
    public void delete(Collection<String> ids) {
        List<String> unique = FieldRules.ids("ids", ids);
        if (unique.isEmpty()) {
            return;
        }
        List<Runnable> afterCommit = new ArrayList<>();
        List<Agent> deleted = status.delete(unique, (agents, connection) -> {
            for (AgentDeletionListener listener : deletionListeners) {
                Runnable then = callInTransaction(listener, agents, connection);
                if (then != null) {
                    afterCommit.add(then);
                }
            }
        });
        LOG.info("Agents {} deleted", usernames(deleted));
        for (Runnable then : afterCommit) {
            try {
                then.run();
            } catch (RuntimeException e) {
                // The deletion is committed and stands; only the listener's follow-up (e.g. a notice) is lost.
                LOG.error("The follow-up of an agent deletion listener failed", e);
            }
        }
    }

    private static Runnable callInTransaction(AgentDeletionListener listener, List<Agent> agents,
            Connection connection) {
        try {
            return listener.agentsDeleting(agents, connection);
        } catch (SQLException e) {
            LOG.warn("Agent deletion listener {} refused the deletion of {}: {}", listener, usernames(agents),
                    e.toString());
            throw new IllegalStateException("The agents were not deleted: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.warn("Agent deletion listener {} refused the deletion of {}: {}", listener, usernames(agents),
                    e.toString());
            throw e;
        }
    }

    private static List<String> usernames(List<Agent> agents) {
        return agents.stream().map(Agent::username).toList();
    }

    @Override
    public Agent transferOwnership(String fromId, String toId) {
        Agent owner = status.transferOwnership(fromId, toId);
        LOG.info("Ownership transferred from agent {} to '{}' ({})", fromId, owner.username(), owner.id());
        announce(List.of(fromId));
        changeListeners.changed(owner);
        return owner;
    }

    @Override
    public Optional<Agent> verifyCredentials(String usernameOrEmail, String password) {
        if (password == null) {
            return Optional.empty();
        }
        AgentRow row = database.read(session -> byLogin(session, usernameOrEmail));
        if (row == null) {
            passwords.spendVerificationTime(password);
            return Optional.empty();
        }
        if (!passwords.matches(password, row.passwordHash) || !row.enabled) {
            return Optional.empty();
        }
        return find(row.id);
    }

    /** Usernames cannot hold '@' and email addresses must, so the login says which one it is. */
    static AgentRow byLogin(SqlSession session, String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank()) {
            return null;
        }
        String key = FieldRules.key(usernameOrEmail.strip());
        AgentMapper agents = session.getMapper(AgentMapper.class);
        return key.contains("@") ? agents.byEmail(key) : agents.byUsername(key);
    }

    /** Refuses a username, email or ownership that another agent holds; a null username (an edit) is not checked. */
    static void requireUnique(SqlSession session, AgentRow row) {
        AgentMapper agents = session.getMapper(AgentMapper.class);
        if (row.usernameKey != null && !isSelf(agents.byUsername(row.usernameKey), row)) {
            throw conflict("username", "Username is already taken");
        }
        if (row.emailKey != null && !isSelf(agents.byEmail(row.emailKey), row)) {
            throw conflict("email", "Email address is already used by another agent");
        }
        if (row.accessLevel == AccessLevel.OWNER && !isSelf(agents.owner(), row)) {
            throw conflict("accessLevel", "There is already an owner; ownership can only be transferred");
        }
    }

    private static boolean isSelf(AgentRow holder, AgentRow row) {
        return holder == null || holder.id.equals(row.id);
    }
}
