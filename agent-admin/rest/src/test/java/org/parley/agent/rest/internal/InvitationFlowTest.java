package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.InvitationStatus;
import org.parley.agent.api.PlanTier;
import org.parley.platform.database.TestDatabase;
import org.parley.platform.testing.MovableClock;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * Invitations end to end through a real SMTP server: the email goes out, the test reads the link from the received
 * message as the invited person would, and follows it.
 */
class InvitationFlowTest {
    private static final Pattern LINK = Pattern.compile("https://chat\\.shop\\.example/invitation\\?token=(\\S+)");

    @OnEachDatabase
    void theInvitedPersonFollowsTheEmailedLinkAndIsSignedIn(TestDatabase.Kind kind) throws Exception {
        try (TestApi api = new TestApi(kind)) {
            Agent owner = api.create("owner", AccessLevel.OWNER);
            String secret = api.signIn(owner);
            Response created = invite(api, secret, "jane@shop.example", AccessLevel.FULL, "Jane");
            assertEquals(201, created.getStatus());
            Json.InvitationView view = (Json.InvitationView) created.getEntity();
            assertEquals(InvitationStatus.PENDING, view.status());
            assertEquals(owner.id(), view.invitedBy());

            MimeMessage received = onlyMessage(api);
            assertEquals("jane@shop.example", received.getRecipients(Message.RecipientType.TO)[0].toString());
            assertEquals("Parley <chat@shop.example>", received.getFrom()[0].toString());
            String body = GreenMailUtil.getBody(received);
            assertTrue(body.contains("Agent owner invited you"), body);
            String token = tokenOf(body);
            assertEquals(List.of(view), api.invitationResource.list(secret));

            Json.InvitationLink link = (Json.InvitationLink) api.invitationResource.check(token).getEntity();
            assertEquals("jane@shop.example", link.email());
            assertEquals(AccessLevel.FULL, link.accessLevel());

            Response accepted = api.invitationResource.accept(new Json.Acceptance(token, null, "jane",
                    "jane-secret"), null, TestApi.request(true));
            assertEquals(201, accepted.getStatus());
            String cookie = accepted.getHeaderString("Set-Cookie");
            assertTrue(cookie.matches("parley_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure"),
                    cookie);
            String janeSecret = cookie.substring("parley_session=".length(), cookie.indexOf(';'));
            Json.SessionView session = (Json.SessionView) accepted.getEntity();
            assertEquals(CsrfTokens.of(janeSecret), session.csrfToken());
            assertEquals("Jane", session.agent().displayName());
            assertEquals("jane@shop.example", session.agent().email());
            assertEquals(AccessLevel.FULL, session.agent().accessLevel());
            assertEquals(200, api.session.current(janeSecret).getStatus());
            assertEquals(List.of(), api.invitationResource.list(secret));

            assertGone("already used", () -> api.invitationResource.check(token));
            assertGone("already used", () -> api.invitationResource.accept(
                    new Json.Acceptance(token, "Jane", "jane2", "jane-secret"), null, TestApi.request(false)));
            assertGone("not valid", () -> api.invitationResource.check("forged"));
        }
    }

    @OnEachDatabase
    void anExpiredLinkIsGoneUntilTheInvitationIsSentAgain(TestDatabase.Kind kind) throws Exception {
        MovableClock clock = new MovableClock();
        try (TestApi api = new TestApi(kind, clock)) {
            Agent owner = api.create("owner", AccessLevel.OWNER);
            String secret = api.signIn(owner);
            Json.InvitationView view = (Json.InvitationView) invite(api, secret, "sam@shop.example",
                    AccessLevel.LIMITED, null).getEntity();
            String first = tokenOf(GreenMailUtil.getBody(onlyMessage(api)));
            clock.advance(Duration.ofDays(7).plusSeconds(1));
            assertGone("expired", () -> api.invitationResource.check(first));
            assertGone("expired", () -> api.invitationResource.accept(
                    new Json.Acceptance(first, "Sam", "sam", "sam-secret"), null, TestApi.request(false)));
            assertEquals(InvitationStatus.EXPIRED, api.invitationResource.list(secret).get(0).status());

            Json.InvitationView resent = api.invitationResource.resend(secret, CsrfTokens.of(secret), view.id(),
                    TestApi.request(false));
            assertEquals(InvitationStatus.PENDING, resent.status());
            MimeMessage[] messages = api.smtp.getReceivedMessages();
            assertEquals(2, messages.length);
            String second = tokenOf(GreenMailUtil.getBody(messages[1]));
            assertGone("not valid", () -> api.invitationResource.check(first));
            assertEquals(201, api.invitationResource.accept(new Json.Acceptance(second, "Sam", "sam", "sam-secret"),
                    null, TestApi.request(false)).getStatus());
        }
    }

    @OnEachDatabase
    void aRevokedLinkIsGone(TestDatabase.Kind kind) throws Exception {
        try (TestApi api = new TestApi(kind)) {
            String secret = api.signIn(api.create("owner", AccessLevel.OWNER));
            Json.InvitationView view = (Json.InvitationView) invite(api, secret, "sam@shop.example",
                    AccessLevel.LIMITED, null).getEntity();
            String token = tokenOf(GreenMailUtil.getBody(onlyMessage(api)));
            assertEquals(204, api.invitationResource.revoke(secret, CsrfTokens.of(secret), view.id()).getStatus());
            assertGone("revoked", () -> api.invitationResource.check(token));
            assertEquals(List.of(), api.invitationResource.list(secret));
        }
    }

    @OnEachDatabase
    void pendingInvitationsCountAgainstTheSeats(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            String secret = api.signIn(api.create("owner", AccessLevel.OWNER));
            String csrf = CsrfTokens.of(secret);
            api.plan.change(secret, csrf, new Json.PlanBody(PlanTier.FREE, null));
            invite(api, secret, "anna@shop.example", AccessLevel.LIMITED, null);
            invite(api, secret, "ben@shop.example", AccessLevel.LIMITED, null);

            Json.UsageView usage = api.usage.usage(secret);
            assertEquals(new Json.UsageView(PlanTier.FREE, 3, 3, 1, 2, true, 0L), usage);
            Problem refused = problem(() -> invite(api, secret, "carl@shop.example", AccessLevel.LIMITED, null));
            assertEquals(409, refused.status());
            assertEquals("seats", refused.field());
            assertTrue(refused.detail().startsWith("All 3 seats are taken: 1 agent and 2 pending invitations."),
                    refused.detail());
            assertEquals(2, api.smtp.getReceivedMessages().length, "no email for a refused invitation");
            assertEquals("seats", problem(() -> api.agents.create(secret, csrf, new Json.NewAgentBody("Carl", "carl",
                    "secret", null, null, AccessLevel.LIMITED, null, null, null, null))).field());
            assertEquals("seats", problem(() -> api.plan.change(secret, csrf,
                    new Json.PlanBody(PlanTier.PAID, 2))).field());
            assertEquals(5, api.plan.change(secret, csrf,
                    new Json.PlanBody(PlanTier.PAID, 5)).seats());
            assertEquals(201, invite(api, secret, "carl@shop.example", AccessLevel.LIMITED, null).getStatus());
        }
    }

    @OnEachDatabase
    void anEmailThatAnAgentHasCannotBeInvited(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            String secret = api.signIn(api.create("owner", AccessLevel.OWNER));
            Problem refused = problem(() -> invite(api, secret, "Owner@Shop.example", AccessLevel.LIMITED, null));
            assertEquals(409, refused.status());
            assertEquals("email", refused.field());
            assertTrue(refused.detail().startsWith("Email already exists"), refused.detail());
            invite(api, secret, "sam@shop.example", AccessLevel.LIMITED, null);
            assertEquals("email", problem(() -> invite(api, secret, "sam@shop.example", AccessLevel.FULL, null))
                    .field(), "a pending invitation is sent again, not twice");
            assertEquals(1, api.smtp.getReceivedMessages().length);
        }
    }

    @OnEachDatabase
    void anInvitationThatCouldNotBeMailedHoldsNoSeat(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent owner = api.create("owner", AccessLevel.OWNER);
            String secret = api.signIn(owner);
            int port = api.smtp.getSmtp().getPort();
            api.smtp.stop();
            InvitationResource unreachable = new InvitationResource(api.invitations, api.sessions,
                    new InvitationMail(TestApi.mailConfiguration(Map.of("host", "127.0.0.1", "port", port,
                            "tls", MailConfiguration.Tls.none, "from", "chat@shop.example"))), api.cookie);
            Problem failed = problem(() -> unreachable.invite(secret, CsrfTokens.of(secret),
                    new Json.InvitationBody("sam@shop.example", AccessLevel.LIMITED, null), TestApi.request(false)));
            assertEquals(502, failed.status(), failed.detail());
            assertEquals(0, api.seats.usage().pendingInvitations());

            InvitationResource unconfigured = new InvitationResource(api.invitations, api.sessions,
                    new InvitationMail(TestApi.mailConfiguration(Map.of())), api.cookie);
            assertEquals(503, problem(() -> unconfigured.invite(secret, CsrfTokens.of(secret),
                    new Json.InvitationBody("sam@shop.example", AccessLevel.LIMITED, null), TestApi.request(false)))
                    .status());
            assertEquals(List.of(), api.invitations.outstanding());
        }
    }

    @Test
    void theLinkStartsWithTheConfiguredBaseUrlElseWhereTheInvitersBrowserIs() {
        InvitationMail configured = new InvitationMail(TestApi.mailConfiguration(Map.of("baseUrl",
                "https://chat.shop.example//")));
        assertEquals("https://chat.shop.example/invitation?token=abc_-9",
                URI.create(configured.link("abc_-9", "http://localhost:8080")).toString());

        InvitationMail unset = new InvitationMail(TestApi.mailConfiguration(Map.of()));
        String behindProxy = InvitationMail.browserAddress(TestApi.request(false,
                Map.of("Origin", "https://chat.shop.example", "Host", "chat.shop.example")));
        assertEquals("https://chat.shop.example/invitation?token=abc_-9", unset.link("abc_-9", behindProxy),
                "the browser's origin, though the proxy spoke plain HTTP to Parley");
        assertEquals("https://localhost:8443", InvitationMail.browserAddress(
                TestApi.request(true, Map.of("Host", "localhost:8443"))), "without an Origin: the Host asked for");
        assertEquals("http://[::1]:8080", InvitationMail.browserAddress(
                TestApi.request(false, Map.of("Origin", "http://[::1]:8080"))));
        assertEquals("http://localhost:8080", InvitationMail.browserAddress(TestApi.request(false,
                Map.of("Origin", "null", "Host", "evil.example/phish?x="))), "nothing usable: the default");
    }

    static Response invite(TestApi api, String secret, String email, AccessLevel level, String displayName) {
        return api.invitationResource.invite(secret, CsrfTokens.of(secret),
                new Json.InvitationBody(email, level, displayName), TestApi.request(false));
    }

    private static MimeMessage onlyMessage(TestApi api) {
        MimeMessage[] messages = api.smtp.getReceivedMessages();
        assertEquals(1, messages.length);
        return messages[0];
    }

    /** The token from the link in an email's body, as the browser would take it from the address. */
    static String tokenOf(String body) {
        Matcher link = LINK.matcher(body);
        assertTrue(link.find(), body);
        return URI.create(link.group()).getQuery().substring("token=".length());
    }

    private static void assertGone(String why, Executable call) {
        ProblemException gone = assertThrows(ProblemException.class, call);
        assertEquals(410, gone.problem().status());
        assertEquals("token", gone.problem().field());
        assertTrue(gone.problem().detail().contains(why), gone.problem().detail());
    }

    private static Problem problem(Callable<?> call) {
        try {
            call.call();
        } catch (ProblemException e) {
            return e.problem();
        } catch (AgentException e) {
            return AgentProblems.problem(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }
}
