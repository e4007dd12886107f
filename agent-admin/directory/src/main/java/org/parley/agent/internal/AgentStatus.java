package org.parley.agent.internal;

import static org.parley.agent.internal.FieldRules.conflict;
import static org.parley.agent.internal.FieldRules.invalid;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.Presence;

/**
 * Changes that apply to whole agents: enabling, activating, deleting, and moving ownership. Each checks every agent
 * first and changes all or none; the statements themselves re-check the owner rules, so that a change made by
 * someone else in between cannot slip past the checks.
 */
final class AgentStatus {
    private static final String CHANGED = "Someone else changed these agents at the same time; try again";

    private final AgentDatabase database;

    AgentStatus(AgentDatabase database) {
        this.database = database;
    }

    void setEnabled(List<String> ids, boolean enabled) {
        database.write(session -> {
            for (String id : ids) {
                AgentRow row = AgentRow.require(session, id, "ids");
                if (!enabled && row.accessLevel == AccessLevel.OWNER) {
                    throw conflict("ids", row.displayName
                            + " is the owner and cannot be disabled; transfer ownership to another agent first");
                }
            }
            AgentMapper agents = session.getMapper(AgentMapper.class);
            for (String id : ids) {
                if ((enabled ? agents.enable(id) : agents.disableUnlessOwner(id)) != 1) {
                    throw conflict("ids", CHANGED);
                }
                if (!enabled) {
                    // Signed out at once, in the same transaction: no request gets through after the commit.
                    session.getMapper(SessionMapper.class).deleteOfAgent(id);
                }
            }
            return null;
        });
    }

    void setActive(List<String> ids, boolean active) {
        database.write(session -> {
            ids.forEach(id -> AgentRow.require(session, id, "ids"));
            ids.forEach(id -> session.getMapper(AgentMapper.class).setActive(id, active));
            return null;
        });
    }

    /** Sets the agent online or offline; only an active, enabled agent goes online. */
    Agent setPresence(String id, Presence presence) {
        if (presence == null) {
            throw invalid("presence", "Presence must be ONLINE or OFFLINE");
        }
        return database.write(session -> {
            AgentRow row = AgentRow.require(session, id, "id");
            AgentMapper agents = session.getMapper(AgentMapper.class);
            if (presence == Presence.OFFLINE) {
                agents.goOffline(id);
            } else if (!row.enabled) {
                throw conflict("presence", row.displayName + " is disabled and cannot go online");
            } else if (!row.active) {
                throw conflict("presence", row.displayName
                        + " is inactive and cannot go online: only active agents chat with visitors");
            } else if (agents.goOnline(id) != 1) {
                throw conflict("presence", CHANGED);
            }
            return AgentRow.load(session, id);
        });
    }

    /**
     * Deletes the agents and returns them as they were; {@code participants} runs in the same transaction, with its
     * connection, after the rows are gone, and rolls everything back by throwing.
     */
    List<Agent> delete(List<String> ids, BiConsumer<List<Agent>, Connection> participants) {
        return database.write(session -> {
            List<Agent> deleted = new ArrayList<>();
            for (String id : ids) {
                AgentRow row = AgentRow.require(session, id, "ids");
                if (row.accessLevel == AccessLevel.OWNER) {
                    throw conflict("ids", row.displayName
                            + " is the owner and cannot be deleted; transfer ownership to another agent first");
                }
                deleted.add(row.toAgent(QueueCatalog.queuesOf(session, id)));
            }
            for (String id : ids) {
                if (session.getMapper(AgentMapper.class).deleteUnlessOwner(id) != 1) {
                    throw conflict("ids", CHANGED);
                }
            }
            participants.accept(deleted, session.getConnection());
            return deleted;
        });
    }

    /** Makes {@code toId} the owner and {@code fromId} a FULL agent, in one transaction. */
    Agent transferOwnership(String fromId, String toId) {
        return database.write(session -> {
            AgentRow from = AgentRow.require(session, fromId, "fromId");
            AgentRow to = AgentRow.require(session, toId, "toId");
            if (from.accessLevel != AccessLevel.OWNER) {
                throw conflict("fromId", from.displayName + " is not the owner");
            }
            if (from.id.equals(to.id)) {
                throw invalid("toId", "Choose another agent to become the owner");
            }
            if (!to.enabled) {
                throw invalid("toId", to.displayName + " is disabled; enable them before making them the owner");
            }
            AgentMapper agents = session.getMapper(AgentMapper.class);
            // Demote first: the one-owner constraint holds after every statement, not only at commit.
            if (agents.demoteOwner(from.id) != 1 || agents.makeOwner(to.id) != 1) {
                throw conflict(null, CHANGED);
            }
            return AgentRow.load(session, to.id);
        });
    }
}
