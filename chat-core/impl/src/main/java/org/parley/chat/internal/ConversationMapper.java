package org.parley.chat.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for conversations. */
interface ConversationMapper {

    @Insert("INSERT INTO chat_conversation (id, visitor_id, state, last_seq, created_at, updated_at)"
            + " VALUES (#{id}, #{visitorId}, #{state}, 0, #{createdAt}, #{createdAt})")
    void insert(@Param("id") String id, @Param("visitorId") String visitorId, @Param("state") String state,
            @Param("createdAt") OffsetDateTime createdAt);

    String COLUMNS = "id, visitor_id, state, last_seq, created_at, assigned_agent_id, closed_at";

    @Select("SELECT " + COLUMNS + " FROM chat_conversation WHERE id = #{id}")
    ConversationRow find(String id);

    /** Like {@link #find}, with the counters of its assigned agent's unread count. */
    @Select("SELECT c.id, c.visitor_id, c.state, c.last_seq, c.created_at, c.assigned_agent_id, c.closed_at,"
            + " c.visitor_messages, s.seen_visitor_messages AS assignee_seen_visitor_messages"
            + " FROM chat_conversation c LEFT JOIN chat_seen s"
            + " ON s.conversation_id = c.id AND s.agent_id = c.assigned_agent_id WHERE c.id = #{id}")
    ConversationRow findWithAssigneeMark(String id);

    /**
     * Takes the next sequence number of an open conversation. The row lock it leaves until commit serializes the
     * writers of one conversation, so numbers have no gaps and duplicates are detected reliably.
     */
    @Update("UPDATE chat_conversation SET last_seq = last_seq + 1, updated_at = #{now}"
            + " WHERE id = #{id} AND state <> 'CLOSED'")
    int advanceSeq(@Param("id") String id, @Param("now") OffsetDateTime now);

    /**
     * Like {@link #advanceSeq}, for a visitor's message: only in the visitor's own open conversation, and not while
     * the visitor is blocked, checked under the same row lock; counts the visitor's messages for the unread counts.
     */
    @Update("UPDATE chat_conversation SET last_seq = last_seq + 1, visitor_messages = visitor_messages + 1,"
            + " updated_at = #{now} WHERE id = #{id} AND state <> 'CLOSED' AND visitor_id = #{visitorId}"
            + " AND NOT EXISTS (SELECT 1 FROM chat_visitor v WHERE v.id = #{visitorId} AND v.blocked)")
    int advanceSeqOfVisitor(@Param("id") String id, @Param("visitorId") String visitorId,
            @Param("now") OffsetDateTime now);

    @Select("SELECT last_seq FROM chat_conversation WHERE id = #{id}")
    long lastSeq(String id);

    @Select("SELECT COUNT(*) FROM chat_conversation WHERE created_at >= #{since}")
    long countSince(OffsetDateTime since);

    @Select("SELECT COUNT(*) FROM chat_conversation WHERE assigned_agent_id = #{agentId} AND state = 'ACTIVE'")
    long countActiveOf(String agentId);

    /** The agent's open conversations, locked until the transaction ends so that nobody else changes them. */
    @Select("SELECT id FROM chat_conversation WHERE assigned_agent_id = #{agentId} AND state = 'ACTIVE'"
            + " ORDER BY id FOR UPDATE")
    List<String> lockActiveOf(String agentId);

    /** Back to the queue: unassigned and NEW, for any agent to take. */
    @Update("UPDATE chat_conversation SET state = 'NEW', assigned_agent_id = NULL, updated_at = #{now}"
            + " WHERE id = #{id} AND state = 'ACTIVE'")
    int requeue(@Param("id") String id, @Param("now") OffsetDateTime now);

    /** Takes a conversation from the queue; 0 when it is not waiting there (any more). */
    @Update("UPDATE chat_conversation SET state = 'ACTIVE', assigned_agent_id = #{agentId}, updated_at = #{now}"
            + " WHERE id = #{id} AND state = 'NEW'")
    int assign(@Param("id") String id, @Param("agentId") String agentId, @Param("now") OffsetDateTime now);

    /**
     * Like {@link #advanceSeq}, for an agent's message: only while the conversation is ACTIVE and the agent's, checked
     * under the same row lock.
     */
    @Update("UPDATE chat_conversation SET last_seq = last_seq + 1, updated_at = #{now}"
            + " WHERE id = #{id} AND state = 'ACTIVE' AND assigned_agent_id = #{agentId}")
    int advanceSeqOfAgent(@Param("id") String id, @Param("agentId") String agentId, @Param("now") OffsetDateTime now);

    @Update("UPDATE chat_conversation SET state = 'CLOSED', closed_at = #{now}, closed_by_type = #{byType},"
            + " closed_by_id = #{byId}, updated_at = #{now} WHERE id = #{id} AND state <> 'CLOSED'")
    int close(@Param("id") String id, @Param("byType") String byType, @Param("byId") String byId,
            @Param("now") OffsetDateTime now);

    /** Locks the conversation's row until the transaction ends. */
    @Select("SELECT " + COLUMNS + " FROM chat_conversation WHERE id = #{id} FOR UPDATE")
    ConversationRow lock(String id);

    /** The conversation a visitor's later message opened after this closed one, if any. */
    @Select("SELECT id FROM chat_conversation WHERE follows_id = #{id}")
    String followerOf(String id);

    @Insert("INSERT INTO chat_conversation (id, visitor_id, state, last_seq, created_at, updated_at, follows_id)"
            + " VALUES (#{id}, #{visitorId}, 'NEW', 0, #{now}, #{now}, #{followsId})")
    void insertFollower(@Param("id") String id, @Param("visitorId") String visitorId,
            @Param("followsId") String followsId, @Param("now") OffsetDateTime now);

    @Select("SELECT " + COLUMNS + " FROM chat_conversation WHERE visitor_id = #{visitorId} ORDER BY created_at DESC, id")
    List<ConversationRow> ofVisitor(String visitorId);

    @Select("SELECT DISTINCT assigned_agent_id FROM chat_conversation WHERE state = 'ACTIVE'")
    List<String> activeAgentIds();
}
