package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.function.Executable;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Plan;
import org.parley.agent.api.PlanTier;
import org.parley.platform.database.TestDatabase;
import org.parley.platform.testing.MovableClock;

/** The bundle's components on a fresh database, as DS would wire them; close it at the end of the test. */
final class TestDirectory implements AutoCloseable {
    /** Argon2id at its smallest: the hashing itself is tested in PasswordsTest and CredentialsTest. */
    static final Passwords FAST_PASSWORDS = new Passwords(64, 1, 1);

    final TestDatabase db;
    final SqlAgentDirectory agents;
    final QueueCatalog queues;
    final MovableClock clock = new MovableClock();
    final SqlAgentSessions sessions;
    final SqlSeats seats;
    final SqlInvitations invitations;
    final SqlAgentAvatars avatars;
    final SqlNotificationSettings notificationSettings;
    /** Every change the directory's components announced, in order. */
    final List<Agent> changes = new CopyOnWriteArrayList<>();

    private TestDirectory(TestDatabase db, Passwords passwords) {
        this.db = db;
        AgentDatabase database = new AgentDatabase(db.connection());
        // The standard hashing goes through the constructor DS calls.
        this.agents = passwords == Passwords.STANDARD
                ? new SqlAgentDirectory(database)
                : new SqlAgentDirectory(database, passwords, clock);
        this.queues = new QueueCatalog(database);
        this.sessions = new SqlAgentSessions(database, clock);
        this.seats = new SqlSeats(database, clock);
        this.invitations = new SqlInvitations(database, passwords, clock);
        this.avatars = new SqlAgentAvatars(database, clock);
        this.notificationSettings = new SqlNotificationSettings(database);
        agents.addChangeListener(changes::add);
        invitations.addChangeListener(changes::add);
        avatars.addChangeListener(changes::add);
    }

    /** On a paid plan with seats to spare, for tests about anything but seats. */
    static TestDirectory on(TestDatabase.Kind kind) {
        TestDirectory directory = onFreePlan(kind);
        directory.seats.changePlan(PlanTier.PAID, Plan.MAX_SEATS);
        return directory;
    }

    /** As a new installation starts: on the free plan. */
    static TestDirectory onFreePlan(TestDatabase.Kind kind) {
        return new TestDirectory(kind.create(), FAST_PASSWORDS);
    }

    /** With the production password hashing. */
    static TestDirectory withStandardPasswords(TestDatabase.Kind kind) {
        TestDirectory directory = new TestDirectory(kind.create(), Passwords.STANDARD);
        directory.seats.changePlan(PlanTier.PAID, Plan.MAX_SEATS);
        return directory;
    }

    Agent createOwner() {
        return agents.create(new NewAgent("Olivia Owner", "olivia", "owner-secret", "olivia@shop.example",
                AccessLevel.OWNER));
    }

    Agent create(String username, AccessLevel accessLevel) {
        return agents.create(new NewAgent("Agent " + username, username, "secret-" + username, null, accessLevel));
    }

    /**
     * Asserts that the action is refused for the reason and field given, and that it wrote nothing.
     *
     * @return the refusal, for checking its message
     */
    AgentException assertRefused(AgentException.Reason reason, String field, Executable action) {
        String before = contents();
        AgentException refusal = assertThrows(AgentException.class, action);
        assertEquals(reason, refusal.reason(), refusal.getMessage());
        assertEquals(field, refusal.field(), refusal.getMessage());
        assertEquals(before, contents(), "nothing written");
        return refusal;
    }

    /** Every row of the bundle's tables, password hashes included. */
    String contents() {
        return db.dump("SELECT * FROM agent_account ORDER BY id") + db.dump("SELECT * FROM agent_queue ORDER BY id")
                + db.dump("SELECT * FROM agent_queue_member ORDER BY agent_id, queue_id")
                + db.dump("SELECT * FROM agent_session ORDER BY secret_hash")
                + db.dump("SELECT * FROM agent_plan") + db.dump("SELECT * FROM agent_invitation ORDER BY id")
                + db.dump("SELECT * FROM agent_avatar ORDER BY agent_id")
                + db.dump("SELECT * FROM agent_notification_settings ORDER BY agent_id");
    }


    @Override
    public void close() {
        db.close();
    }
}
