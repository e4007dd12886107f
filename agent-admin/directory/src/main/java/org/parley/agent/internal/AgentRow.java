package org.parley.agent.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.Presence;
import org.parley.agent.api.Queue;

/** One row of {@code agent_account}; MyBatis fills and reads the fields. */
final class AgentRow {
    String id;
    String username;
    String usernameKey;
    String displayName;
    String email;
    String emailKey;
    String description;
    AccessLevel accessLevel;
    boolean active;
    boolean enabled;
    boolean showRealPhoneNumbers;
    Integer maxConcurrentSessions;
    String passwordHash;
    OffsetDateTime createdAt;
    Presence presence;
    String avatarVersion;

    /** The column that allows a single owner: TRUE for the owner, NULL for the rest (a getter, for MyBatis). */
    Boolean getOwnerSlot() {
        return accessLevel == AccessLevel.OWNER ? Boolean.TRUE : null;
    }

    /** The agent with this id, or null. */
    static Agent load(SqlSession session, String id) {
        AgentRow row = session.getMapper(AgentMapper.class).byId(id);
        return row == null ? null : row.toAgent(QueueCatalog.queuesOf(session, id));
    }

    /** The row of the agent with this id; an unknown id is NOT_FOUND for the field. */
    static AgentRow require(SqlSession session, String id, String field) {
        AgentRow row = id == null ? null : session.getMapper(AgentMapper.class).byId(id);
        if (row == null) {
            throw FieldRules.notFound(field, "No agent has the id " + id);
        }
        return row;
    }

    Agent toAgent(List<Queue> queues) {
        return new Agent(id, username, displayName, email, description, accessLevel, active, enabled,
                showRealPhoneNumbers, maxConcurrentSessions, queues, createdAt.toInstant(), presence, avatarVersion);
    }
}
