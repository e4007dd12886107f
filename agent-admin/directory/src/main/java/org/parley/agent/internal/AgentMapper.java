package org.parley.agent.internal;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for {@code agent_account}. */
interface AgentMapper {
    String SELECT_AGENTS = "SELECT id, username, display_name, email, description, access_level, active, enabled,"
            + " show_real_phone_numbers, max_concurrent_sessions, password_hash, created_at, presence, avatar_version"
            + " FROM agent_account";

    @Select(SELECT_AGENTS + " WHERE id = #{id}")
    AgentRow byId(String id);

    @Select(SELECT_AGENTS + " WHERE username_key = #{key}")
    AgentRow byUsername(String key);

    @Select(SELECT_AGENTS + " WHERE email_key = #{key}")
    AgentRow byEmail(String key);

    @Select(SELECT_AGENTS + " WHERE owner_slot = TRUE")
    AgentRow owner();

    @Select(SELECT_AGENTS + " ORDER BY LOWER(display_name), username_key")
    List<AgentRow> all();

    @Select("SELECT COUNT(*) FROM agent_account")
    int count();

    @Insert("INSERT INTO agent_account (id, username, username_key, display_name, email, email_key, description,"
            + " access_level, owner_slot, active, enabled, show_real_phone_numbers, max_concurrent_sessions,"
            + " password_hash, created_at) VALUES (#{id}, #{username}, #{usernameKey}, #{displayName},"
            + " #{email,jdbcType=VARCHAR}, #{emailKey,jdbcType=VARCHAR}, #{description,jdbcType=VARCHAR},"
            + " #{accessLevel}, #{ownerSlot,jdbcType=BOOLEAN}, #{active}, #{enabled}, #{showRealPhoneNumbers},"
            + " #{maxConcurrentSessions,jdbcType=INTEGER}, #{passwordHash}, #{createdAt})")
    void insert(AgentRow row);

    /**
     * Writes the editable fields; the username, status flags and ownership have their own statements. The access
     * level never moves to or from OWNER here (agent_account_owner_ck refuses it).
     */
    @Update("UPDATE agent_account SET display_name = #{displayName}, email = #{email,jdbcType=VARCHAR},"
            + " email_key = #{emailKey,jdbcType=VARCHAR}, description = #{description,jdbcType=VARCHAR},"
            + " access_level = #{accessLevel}, show_real_phone_numbers = #{showRealPhoneNumbers},"
            + " max_concurrent_sessions = #{maxConcurrentSessions,jdbcType=INTEGER}, password_hash = #{passwordHash}"
            + " WHERE id = #{id}")
    int update(AgentRow row);

    @Update("UPDATE agent_account SET enabled = TRUE WHERE id = #{id}")
    int enable(String id);

    /** Never disables the owner, even one who became owner after the caller looked; a disabled agent is offline. */
    @Update("UPDATE agent_account SET enabled = FALSE, presence = 'OFFLINE' WHERE id = #{id} AND owner_slot IS NULL")
    int disableUnlessOwner(String id);

    /** An inactive agent is offline. */
    @Update("UPDATE agent_account SET active = #{active},"
            + " presence = CASE WHEN #{active} = TRUE THEN presence ELSE 'OFFLINE' END WHERE id = #{id}")
    int setActive(@Param("id") String id, @Param("active") boolean active);

    /** Online only while active and enabled, also when deactivated or disabled after the caller looked. */
    @Update("UPDATE agent_account SET presence = 'ONLINE' WHERE id = #{id} AND active = TRUE AND enabled = TRUE")
    int goOnline(String id);

    @Update("UPDATE agent_account SET presence = 'OFFLINE' WHERE id = #{id}")
    int goOffline(String id);

    @Update("UPDATE agent_account SET avatar_version = #{version,jdbcType=VARCHAR} WHERE id = #{id}")
    int setAvatarVersion(@Param("id") String id, @Param("version") String version);

    @Update("UPDATE agent_account SET access_level = 'FULL', owner_slot = NULL WHERE id = #{id} AND owner_slot = TRUE")
    int demoteOwner(String id);

    /** Only an enabled agent becomes the owner, even if disabled after the caller looked. */
    @Update("UPDATE agent_account SET access_level = 'OWNER', owner_slot = TRUE WHERE id = #{id} AND enabled = TRUE")
    int makeOwner(String id);

    /** Never deletes the owner, even one who became owner after the caller looked. */
    @Delete("DELETE FROM agent_account WHERE id = #{id} AND owner_slot IS NULL")
    int deleteUnlessOwner(String id);
}
