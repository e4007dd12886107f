package org.parley.agent.rest.internal;

import java.util.Optional;
import java.util.Set;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.Presence;

/**
 * What a signed-in agent may do with agents and queues: every authorization decision of this bundle, without HTTP.
 * Signing in is the first gate (disabled agents have no session); being inactive only keeps an agent from chatting
 * and changes nothing here. The directory enforces what holds whoever asks (one owner, who cannot be disabled or
 * deleted).
 */
final class AgentPermissions {
    /** The fields LIMITED agents may change on their own account. */
    static final Set<String> OWN_FIELDS_OF_LIMITED = Set.of("displayName", "password");

    /** Why an edit is refused, and the field at fault (null when the whole request is). */
    record Refusal(String field, String detail) {}

    private AgentPermissions() {}

    /** FULL and OWNER manage agents and queues; LIMITED agents only themselves. */
    static boolean managesAgents(Agent caller) {
        return caller.accessLevel() == AccessLevel.OWNER || caller.accessLevel() == AccessLevel.FULL;
    }

    /** Every signed-in agent sees the directory: colleagues are part of the work. */
    static boolean maySeeAgents(Agent caller) {
        return true;
    }

    /** Email, note, phone-number and session settings: for managers and the agent themself. */
    static boolean maySeeDetailsOf(Agent caller, Agent target) {
        return managesAgents(caller) || caller.id().equals(target.id());
    }

    static boolean mayCreateAgents(Agent caller) {
        return managesAgents(caller);
    }

    /** Enabling, disabling, activating, deactivating and deleting, one agent or many. */
    static boolean mayChangeStatus(Agent caller) {
        return managesAgents(caller);
    }

    static boolean mayTransferOwnership(Agent caller) {
        return caller.isOwner();
    }

    static boolean maySeeQueues(Agent caller) {
        return true;
    }

    static boolean mayChangeQueues(Agent caller) {
        return managesAgents(caller);
    }

    /** Inviting by email, and sending again or revoking invitations: like creating agents. */
    static boolean mayManageInvitations(Agent caller) {
        return managesAgents(caller);
    }

    /** Seats, plan and monthly sessions are billing information: FULL and OWNER, as the product describes FULL. */
    static boolean maySeeUsage(Agent caller) {
        return managesAgents(caller);
    }

    /**
     * FULL manages "all company settings, including billing" alongside the owner, so both change the plan; the seat
     * rules themselves are the directory's.
     */
    static boolean mayChangePlan(Agent caller) {
        return managesAgents(caller);
    }

    /**
     * Whether the caller may make these changes to the target's account.
     *
     * @param changed the names of the fields whose values change (AgentChanges' components)
     * @return the refusal, or empty when allowed
     */
    static Optional<Refusal> refuseEdit(Agent caller, Agent target, Set<String> changed) {
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        boolean self = caller.id().equals(target.id());
        if (!managesAgents(caller)) {
            if (!self) {
                return refuse(null, "Limited access: you may only change your own account");
            }
            return changed.stream()
                    .filter(field -> !OWN_FIELDS_OF_LIMITED.contains(field))
                    .sorted()
                    .findFirst()
                    .flatMap(field -> refuse(field, "Limited access: you may change only your display name and"
                            + " password"));
        }
        if (changed.contains("email") && !caller.isOwner()) {
            return refuse("email", "Only the owner changes email addresses, also their own");
        }
        if (self || caller.isOwner()) {
            return Optional.empty();
        }
        if (target.isOwner()) {
            return refuse(null, "Only the owner changes the owner's account");
        }
        return Optional.empty();
    }

    /**
     * Whether the caller may set the target's presence: everyone their own; OWNER and FULL set others offline (an
     * agent who left without doing so), but nobody else online, since only the agent knows they are there.
     */
    static Optional<Refusal> refusePresence(Agent caller, Agent target, Presence presence) {
        if (caller.id().equals(target.id())) {
            return Optional.empty();
        }
        if (!managesAgents(caller)) {
            return refuse(null, "Limited access: you may only set your own status");
        }
        if (presence == Presence.ONLINE) {
            return refuse("status", "Only the agent themself goes online; you may set others offline");
        }
        return Optional.empty();
    }

    /** Every signed-in agent sees the pictures, as they see the directory. */
    static boolean maySeeAvatars(Agent caller) {
        return true;
    }

    /** One's own picture at every level; OWNER and FULL change others', and only the owner the owner's. */
    static boolean mayChangeAvatarOf(Agent caller, Agent target) {
        if (caller.id().equals(target.id())) {
            return true;
        }
        return managesAgents(caller) && (!target.isOwner() || caller.isOwner());
    }

    /** Personal settings: the agent's own, and nobody else's, the owner included. */
    static boolean mayUseNotificationSettingsOf(Agent caller, String targetId) {
        return caller.id().equals(targetId);
    }

    private static Optional<Refusal> refuse(String field, String detail) {
        return Optional.of(new Refusal(field, detail));
    }
}
