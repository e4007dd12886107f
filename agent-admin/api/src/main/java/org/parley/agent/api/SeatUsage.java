package org.parley.agent.api;

/**
 * How many of the plan's seats are taken.
 *
 * @param plan the installation's plan
 * @param agents the agents, enabled or not
 * @param pendingInvitations invitations neither accepted, revoked nor expired: each holds a seat
 */
public record SeatUsage(Plan plan, int agents, int pendingInvitations) {

    /** The seats taken: agents and pending invitations. */
    public int used() {
        return agents + pendingInvitations;
    }

    /** True from 80% of the seats taken, when it is time to think about more. */
    public boolean warning() {
        return used() * 5L >= plan.seats() * 4L;
    }
}
