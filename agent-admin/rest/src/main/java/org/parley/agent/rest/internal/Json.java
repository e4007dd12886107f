package org.parley.agent.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSession;
import org.parley.agent.api.Invitation;
import org.parley.agent.api.InvitationStatus;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.NotificationSettings;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.Presence;
import org.parley.agent.api.Queue;
import org.parley.agent.api.SeatUsage;

/** The JSON shapes of the agents API, as documented in openapi/agents.json. */
final class Json {
    private Json() {}

    /** The body of a sign-in. */
    record SignIn(String login, String password) {
        @Override
        public String toString() {
            return "SignIn[login=" + login + ", password=***]";
        }
    }

    /** The signed-in agent and the CSRF token their browser sends with every change. */
    record SessionView(AgentView agent, String csrfToken, Instant expiresAt) {
        static SessionView of(AgentSession session, String secret) {
            return new SessionView(AgentView.of(session.agent(), true), CsrfTokens.of(secret), session.expiresAt());
        }
    }

    /** The body that creates the owner on first start. */
    record Setup(String token, String displayName, String username, String password, String email) {
        NewAgent owner() {
            return new NewAgent(displayName, username, password, email, AccessLevel.OWNER);
        }

        @Override
        public String toString() {
            return "Setup[username=" + username + ", token=***, password=***]";
        }
    }

    /**
     * An agent as others see it. Without details (a LIMITED agent looking at a colleague) the email, note and
     * settings are left out. Everyone sees the presence and the avatar's URL, which is null without an avatar.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentView(
            String id,
            String username,
            String displayName,
            String email,
            String description,
            AccessLevel accessLevel,
            boolean active,
            boolean enabled,
            Boolean showRealPhoneNumbers,
            Integer maxConcurrentSessions,
            List<Queue> queues,
            Instant createdAt,
            Presence status,
            @JsonInclude(JsonInclude.Include.ALWAYS) String avatarUrl) {

        static AgentView of(Agent a, boolean details) {
            return details
                    ? new AgentView(a.id(), a.username(), a.displayName(), a.email(), a.description(),
                            a.accessLevel(), a.active(), a.enabled(), a.showRealPhoneNumbers(),
                            a.maxConcurrentSessions(), a.queues(), a.createdAt(), a.presence(), avatarUrl(a))
                    : new AgentView(a.id(), a.username(), a.displayName(), null, null, a.accessLevel(), a.active(),
                            a.enabled(), null, null, a.queues(), a.createdAt(), a.presence(), avatarUrl(a));
        }

        /** Where the agent's picture is, with its version: a new picture has a new URL, so caches need no check. */
        static String avatarUrl(Agent a) {
            return a.avatarVersion() == null ? null : "/api/v1/agents/" + a.id() + "/avatar?v=" + a.avatarVersion();
        }
    }

    /** The payload of the event {@code agent-deleted}. */
    record AgentDeleted(String id) {}

    /** An agent's notification settings, read and written whole. */
    record NotificationSettingsView(boolean soundOnNewChat, boolean soundOnNewMessage, boolean desktopNotifications) {
        static NotificationSettingsView of(NotificationSettings s) {
            return new NotificationSettingsView(s.soundOnNewChat(), s.soundOnNewMessage(), s.desktopNotifications());
        }
    }

    /** The body that creates an agent; omitted flags default to an active agent with masked phone numbers. */
    record NewAgentBody(
            String displayName,
            String username,
            String password,
            String email,
            String description,
            AccessLevel accessLevel,
            Boolean active,
            Boolean showRealPhoneNumbers,
            Integer maxConcurrentSessions,
            List<String> queueIds) {

        NewAgent toNewAgent() {
            return new NewAgent(displayName, username, password, email, description, accessLevel,
                    active == null || active, showRealPhoneNumbers != null && showRealPhoneNumbers,
                    maxConcurrentSessions, queueIds);
        }

        @Override
        public String toString() {
            return "NewAgentBody[username=" + username + ", password=***]";
        }
    }

    /** One action on several agents at once. */
    record BulkAction(String action, List<String> ids) {}

    /** What deleting agents would affect: the agents, and their open conversations that go back to the queue. */
    record DeletionImpact(int agents, long openConversations) {}

    /** A queue's name, to create or rename it. */
    record QueueName(String name) {}

    /**
     * The seats taken under the plan, and the team's conversations in the last 30 days (left out where the answer
     * is about the plan only).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UsageView(PlanTier plan, int seats, int used, int agents, int pendingInvitations, boolean warning,
            Long monthlySessions) {
        static UsageView of(SeatUsage usage, Long monthlySessions) {
            return new UsageView(usage.plan().tier(), usage.plan().seats(), usage.used(), usage.agents(),
                    usage.pendingInvitations(), usage.warning(), monthlySessions);
        }
    }

    /** The plan to move to; {@code seats} counts only for PAID. */
    record PlanBody(PlanTier plan, Integer seats) {}

    /** Who to invite, and with which access. */
    record InvitationBody(String email, AccessLevel accessLevel, String displayName) {}

    /** An invitation as its list shows it. */
    record InvitationView(String id, String email, String displayName, AccessLevel accessLevel, String invitedBy,
            Instant createdAt, Instant expiresAt, InvitationStatus status) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.id(), i.email(), i.displayName(), i.accessLevel(), i.invitedBy(),
                    i.createdAt(), i.expiresAt(), i.status());
        }
    }

    /** What the invitation page shows before the invited person accepts. */
    record InvitationLink(String email, String displayName, AccessLevel accessLevel, Instant expiresAt) {
        static InvitationLink of(Invitation i) {
            return new InvitationLink(i.email(), i.displayName(), i.accessLevel(), i.expiresAt());
        }
    }

    /** The body that accepts an invitation and creates the invited agent. */
    record Acceptance(String token, String displayName, String username, String password) {
        @Override
        public String toString() {
            return "Acceptance[username=" + username + ", token=***, password=***]";
        }
    }
}
