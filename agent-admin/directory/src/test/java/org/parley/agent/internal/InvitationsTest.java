package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.time.Duration;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.Invitation;
import org.parley.agent.api.InvitationStatus;
import org.parley.agent.api.NewInvitation;
import org.parley.platform.database.TestDatabase;

/** Invitations on a real database: the link's lifetime, resending, revoking, and accepting once. */
class InvitationsTest {

    @OnEachDatabase
    void acceptingCreatesTheInvitedAgentAndUsesTheLinkUp(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            NewInvitation sent = directory.invitations.invite(" Jane@Shop.example ", AccessLevel.FULL, "Jane",
                    owner.id());
            Invitation invitation = sent.invitation();
            assertEquals("Jane@Shop.example", invitation.email());
            assertEquals(InvitationStatus.PENDING, invitation.status());
            assertEquals(owner.id(), invitation.invitedBy());
            assertEquals(Duration.ofDays(7), Duration.between(invitation.createdAt(), invitation.expiresAt()));
            assertEquals(43, sent.token().length(), "256 bits in URL-safe Base64");
            assertTrue(directory.contents().contains(SqlAgentSessions.hash(sent.token())), "only the hash is stored");
            assertTrue(!directory.contents().contains(sent.token()));
            assertEquals(List.of(invitation), directory.invitations.outstanding());

            Agent jane = directory.invitations.accept(sent.token(), "", "jane", "jane-secret");
            assertEquals("Jane", jane.displayName(), "the invitation's suggestion");
            assertEquals("Jane@Shop.example", jane.email());
            assertEquals(AccessLevel.FULL, jane.accessLevel());
            assertTrue(jane.enabled() && jane.active());
            assertEquals(InvitationStatus.ACCEPTED,
                    directory.invitations.findByToken(sent.token()).orElseThrow().status());
            assertEquals(List.of(), directory.invitations.outstanding());
            assertEquals(2, directory.seats.usage().used());

            directory.assertRefused(CONFLICT, "token",
                    () -> directory.invitations.accept(sent.token(), "Again", "jane2", "jane-secret"));
        }
    }

    @OnEachDatabase
    void refusesAnEmailThatAnAgentHasOrThatIsInvitedAlready(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            assertEquals("Email already exists: an agent signs in with OLIVIA@shop.example",
                    directory.assertRefused(CONFLICT, "email", () -> directory.invitations.invite(
                            "OLIVIA@shop.example", AccessLevel.LIMITED, null, owner.id())).getMessage());
            directory.invitations.invite("sam@shop.example", AccessLevel.LIMITED, null, owner.id());
            directory.assertRefused(CONFLICT, "email", () -> directory.invitations.invite("Sam@Shop.example",
                    AccessLevel.FULL, null, owner.id()));
            directory.assertRefused(INVALID, "accessLevel", () -> directory.invitations.invite("o@shop.example",
                    AccessLevel.OWNER, null, owner.id()));
            directory.assertRefused(INVALID, "email",
                    () -> directory.invitations.invite(" ", AccessLevel.LIMITED, null, owner.id()));
            directory.assertRefused(INVALID, "email",
                    () -> directory.invitations.invite("not-an-address", AccessLevel.LIMITED, null, owner.id()));
        }
    }

    @OnEachDatabase
    void aLinkStopsWorkingAfterSevenDays(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            NewInvitation sent = directory.invitations.invite("sam@shop.example", AccessLevel.LIMITED, null,
                    owner.id());
            directory.clock.advance(Duration.ofDays(7).minusSeconds(1));
            assertEquals(InvitationStatus.PENDING,
                    directory.invitations.findByToken(sent.token()).orElseThrow().status());
            directory.clock.advance(Duration.ofSeconds(1));
            assertEquals(InvitationStatus.EXPIRED,
                    directory.invitations.findByToken(sent.token()).orElseThrow().status());
            directory.assertRefused(CONFLICT, "token",
                    () -> directory.invitations.accept(sent.token(), "Sam", "sam", "sam-secret"));
            assertEquals(InvitationStatus.EXPIRED, directory.invitations.outstanding().get(0).status(),
                    "still listed, to be sent again");
        }
    }

    @OnEachDatabase
    void resendingGivesANewLinkAndKillsTheOldOne(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            NewInvitation first = directory.invitations.invite("sam@shop.example", AccessLevel.LIMITED, null,
                    owner.id());
            directory.clock.advance(Duration.ofDays(8));
            NewInvitation second = directory.invitations.resend(first.invitation().id());
            assertNotEquals(first.token(), second.token());
            assertEquals(InvitationStatus.PENDING, second.invitation().status());
            assertEquals(directory.clock.instant().plus(Duration.ofDays(7)), second.invitation().expiresAt());
            assertTrue(directory.invitations.findByToken(first.token()).isEmpty(), "the old link is unknown");
            directory.assertRefused(NOT_FOUND, "token",
                    () -> directory.invitations.accept(first.token(), "Sam", "sam", "sam-secret"));
            directory.invitations.accept(second.token(), "Sam", "sam", "sam-secret");
            directory.assertRefused(CONFLICT, "id", () -> directory.invitations.resend(first.invitation().id()));
            directory.assertRefused(NOT_FOUND, "id", () -> directory.invitations.resend("nope"));
        }
    }

    @OnEachDatabase
    void aRevokedLinkNoLongerWorks(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            NewInvitation sent = directory.invitations.invite("sam@shop.example", AccessLevel.LIMITED, null,
                    owner.id());
            directory.invitations.revoke(sent.invitation().id());
            directory.invitations.revoke(sent.invitation().id());
            assertEquals(InvitationStatus.REVOKED,
                    directory.invitations.findByToken(sent.token()).orElseThrow().status());
            directory.assertRefused(CONFLICT, "token",
                    () -> directory.invitations.accept(sent.token(), "Sam", "sam", "sam-secret"));
            directory.assertRefused(CONFLICT, "id", () -> directory.invitations.resend(sent.invitation().id()));
            assertEquals(List.of(), directory.invitations.outstanding());
            directory.invitations.invite("sam@shop.example", AccessLevel.LIMITED, null, owner.id());
        }
    }

    @OnEachDatabase
    void acceptingChecksTheNewAgentsFields(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            NewInvitation sent = directory.invitations.invite("sam@shop.example", AccessLevel.LIMITED, null,
                    owner.id());
            directory.assertRefused(INVALID, "displayName",
                    () -> directory.invitations.accept(sent.token(), null, "sam", "sam-secret"));
            directory.assertRefused(CONFLICT, "username",
                    () -> directory.invitations.accept(sent.token(), "Sam", "OLIVIA", "sam-secret"));
            directory.assertRefused(INVALID, "password",
                    () -> directory.invitations.accept(sent.token(), "Sam", "sam", "123"));
            directory.assertRefused(NOT_FOUND, "token",
                    () -> directory.invitations.accept("forged", "Sam", "sam", "sam-secret"));
            assertEquals("Sam", directory.invitations.accept(sent.token(), "Sam", "sam", "sam-secret")
                    .displayName());
        }
    }
}
