package org.parley.agent.internal;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.parley.agent.api.Avatar;

/** SQL for {@code agent_avatar}; the agent's {@code avatar_version} is written with it (AgentMapper). */
interface AvatarMapper {

    /** One row of {@code agent_avatar}; MyBatis fills and reads the fields. */
    final class AvatarRow {
        String agentId;
        String mediaType;
        byte[] image;
        String version;
        OffsetDateTime changedAt;

        Avatar toAvatar() {
            return new Avatar(mediaType, image, version);
        }
    }

    @Select("SELECT agent_id, media_type, image, version, changed_at FROM agent_avatar WHERE agent_id = #{agentId}")
    AvatarRow byAgent(String agentId);

    @Insert("INSERT INTO agent_avatar (agent_id, media_type, image, version, changed_at)"
            + " VALUES (#{agentId}, #{mediaType}, #{image}, #{version}, #{changedAt})")
    void insert(AvatarRow row);

    @Delete("DELETE FROM agent_avatar WHERE agent_id = #{agentId}")
    int delete(String agentId);
}
