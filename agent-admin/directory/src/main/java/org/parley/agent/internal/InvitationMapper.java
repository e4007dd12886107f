package org.parley.agent.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for {@code agent_invitation}. "Open" means neither accepted nor revoked; pending is open and not expired. */
interface InvitationMapper {
    String SELECT = "SELECT id, email, email_key, display_name, access_level, token_hash, invited_by, created_at,"
            + " expires_at, accepted_at, revoked_at FROM agent_invitation";
    String OPEN = " accepted_at IS NULL AND revoked_at IS NULL";

    @Select(SELECT + " WHERE id = #{id}")
    InvitationRow byId(String id);

    @Select(SELECT + " WHERE token_hash = #{tokenHash}")
    InvitationRow byTokenHash(String tokenHash);

    @Select(SELECT + " WHERE" + OPEN + " ORDER BY created_at DESC, id")
    List<InvitationRow> open();

    @Select("SELECT COUNT(*) FROM agent_invitation WHERE email_key = #{emailKey} AND" + OPEN
            + " AND expires_at > #{now}")
    int countPendingTo(@Param("emailKey") String emailKey, @Param("now") OffsetDateTime now);

    /** Pending invitations but the one given ("" for none), which is about to become an agent or be renewed. */
    @Select("SELECT COUNT(*) FROM agent_invitation WHERE" + OPEN + " AND expires_at > #{now} AND id <> #{except}")
    int countPending(@Param("now") OffsetDateTime now, @Param("except") String except);

    @Insert("INSERT INTO agent_invitation (id, email, email_key, display_name, access_level, token_hash, invited_by,"
            + " created_at, expires_at) VALUES (#{id}, #{email}, #{emailKey}, #{displayName,jdbcType=VARCHAR},"
            + " #{accessLevel}, #{tokenHash}, #{invitedBy,jdbcType=VARCHAR}, #{createdAt}, #{expiresAt})")
    void insert(InvitationRow row);

    /** A new token and validity; the old token stops matching. */
    @Update("UPDATE agent_invitation SET token_hash = #{tokenHash}, created_at = #{createdAt},"
            + " expires_at = #{expiresAt} WHERE id = #{id} AND" + OPEN)
    int renew(InvitationRow row);

    @Update("UPDATE agent_invitation SET revoked_at = #{now} WHERE id = #{id} AND" + OPEN)
    int revoke(@Param("id") String id, @Param("now") OffsetDateTime now);

    /** Marks it used, only while it is still pending: a link works once. */
    @Update("UPDATE agent_invitation SET accepted_at = #{now} WHERE id = #{id} AND" + OPEN
            + " AND expires_at > #{now}")
    int accept(@Param("id") String id, @Param("now") OffsetDateTime now);
}
