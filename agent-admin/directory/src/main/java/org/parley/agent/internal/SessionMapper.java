package org.parley.agent.internal;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for {@code agent_session}. */
interface SessionMapper {

    /** One row of {@code agent_session}; MyBatis fills the fields. */
    final class SessionRow {
        String secretHash;
        String agentId;
        OffsetDateTime createdAt;
        OffsetDateTime lastSeenAt;
        OffsetDateTime expiresAt;
    }

    @Select("SELECT secret_hash, agent_id, created_at, last_seen_at, expires_at FROM agent_session"
            + " WHERE secret_hash = #{secretHash}")
    SessionRow byHash(String secretHash);

    @Insert("INSERT INTO agent_session (secret_hash, agent_id, created_at, last_seen_at, expires_at)"
            + " VALUES (#{secretHash}, #{agentId}, #{createdAt}, #{lastSeenAt}, #{expiresAt})")
    void insert(SessionRow row);

    @Update("UPDATE agent_session SET last_seen_at = #{lastSeenAt}, expires_at = #{expiresAt}"
            + " WHERE secret_hash = #{secretHash}")
    int touch(@Param("secretHash") String secretHash, @Param("lastSeenAt") OffsetDateTime lastSeenAt,
            @Param("expiresAt") OffsetDateTime expiresAt);

    @Delete("DELETE FROM agent_session WHERE secret_hash = #{secretHash}")
    int delete(String secretHash);

    @Delete("DELETE FROM agent_session WHERE agent_id = #{agentId}")
    int deleteOfAgent(String agentId);

    @Select("SELECT COUNT(*) FROM agent_session WHERE agent_id = #{agentId} AND expires_at > #{now}")
    int liveOf(@Param("agentId") String agentId, @Param("now") OffsetDateTime now);

    /** Agents shown online who have no live session left: they left without signing out, or their sessions expired. */
    @Select("SELECT a.id FROM agent_account a WHERE a.presence = 'ONLINE' AND NOT EXISTS"
            + " (SELECT 1 FROM agent_session s WHERE s.agent_id = a.id AND s.expires_at > #{now})")
    java.util.List<String> onlineWithoutSession(OffsetDateTime now);

    @Delete("DELETE FROM agent_session WHERE expires_at <= #{now}")
    int deleteExpired(OffsetDateTime now);
}
