package org.parley.agent.rest.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Plan;
import org.parley.agent.api.PlanTier;
import org.parley.agent.internal.AgentDatabase;
import org.parley.agent.internal.DirectoryWiring;
import org.parley.agent.internal.QueueCatalog;
import org.parley.agent.internal.SqlAgentDirectory;
import org.parley.agent.internal.SqlAgentAvatars;
import org.parley.agent.internal.SqlAgentSessions;
import org.parley.agent.internal.SqlInvitations;
import org.parley.agent.internal.SqlNotificationSettings;
import org.parley.agent.internal.SqlSeats;
import org.parley.platform.database.TestDatabase;
import org.parley.rest.problem.ProblemException;

/**
 * The bundle's resources wired as DS would wire them, to the real agent directory on a fresh database, called
 * without HTTP. Close it at the end of the test.
 */
final class TestApi implements AutoCloseable {
    static final String ADDRESS = "203.0.113.7";

    final TestDatabase db;
    final SqlAgentDirectory directory;
    final QueueCatalog queues;
    final SqlAgentSessions sessions;
    final SignInThrottle throttle;
    final OwnerSetup setup;
    final SessionResource session;
    final SetupResource setupResource;
    final AgentResource agents;
    final QueueResource queueResource;
    final SqlSeats seats;
    final SqlInvitations invitations;
    final UsageResource usage;
    final PlanResource plan;
    /** A real SMTP server in this JVM, on a free port, that keeps what it receives. */
    final GreenMail smtp;
    final InvitationMail mail;
    final InvitationResource invitationResource;
    final AgentDatabase database;
    final SqlAgentAvatars avatars;
    final SqlNotificationSettings notificationSettings;
    /** Sends on the calling thread, so that a change's events are out when the change returns. */
    final AgentEvents events;
    final AgentEventResource eventResource;
    final SessionCookie cookie = new SessionCookie(false);
    final PresenceResource presence;
    final AvatarResource avatarResource;
    final NotificationSettingsResource notificationResource;

    TestApi(TestDatabase.Kind kind) {
        this(kind, Clock.systemUTC());
    }

    TestApi(TestDatabase.Kind kind, Clock clock) {
        db = kind.create();
        database = new AgentDatabase(db.connection());
        directory = new SqlAgentDirectory(database, clock);
        queues = new QueueCatalog(database);
        sessions = new SqlAgentSessions(database);
        throttle = new SignInThrottle(clock);
        setup = new OwnerSetup(directory, "http://localhost:8123/");
        events = new AgentEvents(sessions, Runnable::run);
        session = new SessionResource(directory, sessions, throttle, events, cookie);
        setupResource = new SetupResource(setup, sessions, cookie);
        agents = new AgentResource(directory, sessions, throttle);
        queueResource = new QueueResource(queues, sessions);
        seats = new SqlSeats(database, clock);
        // Seats to spare: the seat rules have tests of their own.
        seats.changePlan(PlanTier.PAID, Plan.MAX_SEATS);
        invitations = new SqlInvitations(database, clock);
        usage = new UsageResource(seats, sessions, clock);
        plan = new PlanResource(seats, sessions);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        mail = new InvitationMail(mailConfiguration(Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(),
                "tls", MailConfiguration.Tls.none, "from", "Parley <chat@shop.example>",
                "baseUrl", "https://chat.shop.example/")));
        invitationResource = new InvitationResource(invitations, sessions, mail, cookie);
        avatars = new SqlAgentAvatars(database, clock);
        notificationSettings = new SqlNotificationSettings(database);
        DirectoryWiring.bind(events, directory, invitations, avatars);
        eventResource = new AgentEventResource(sessions, events);
        presence = new PresenceResource(directory, sessions);
        avatarResource = new AvatarResource(directory, avatars, sessions);
        notificationResource = new NotificationSettingsResource(notificationSettings, sessions);
    }

    /** The configuration with these values and the defaults for the rest, as DS would hand it over. */
    static MailConfiguration mailConfiguration(Map<String, Object> values) {
        return (MailConfiguration) Proxy.newProxyInstance(TestApi.class.getClassLoader(),
                new Class<?>[] {MailConfiguration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> MailConfiguration.class;
                    case "toString" -> "MailConfiguration" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    Agent create(String username, AccessLevel level) {
        return directory.create(new NewAgent("Agent " + username, username, password(username), username
                + "@shop.example", level));
    }

    static String password(String username) {
        return "secret-" + username;
    }

    /** A new session's secret for the agent, as the cookie would carry it. */
    String signIn(Agent agent) {
        return sessions.start(agent.id()).secret();
    }

    static HttpServletRequest request(boolean secure) {
        return request(secure, Map.of());
    }

    /** A request over TLS or not, carrying these headers (and no others). */
    static HttpServletRequest request(boolean secure, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(TestApi.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> ADDRESS;
                    case "isSecure" -> secure;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The HTTP status the call answers with: its response's, 200 for a plain result, or its refusal's. */
    static int status(Callable<?> call) {
        try {
            Object result = call.call();
            return result instanceof Response response ? response.getStatus() : 200;
        } catch (ProblemException e) {
            return e.problem().status();
        } catch (AgentException e) {
            return AgentProblems.problem(e).status();
        } catch (Exception e) {
            throw new AssertionError("unexpected failure", e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
        db.close();
    }
}
