package org.parley.chat.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL for conversations. A conversation is a row of chat_conversation (who, state, assignee) and a row of
 * chat_conversation_counter (sequence number, the visitor's message count, the time of the last change), which every
 * message and every change of state updates: that row's lock serializes a conversation's writers.
 */
interface ConversationMapper {

    /** A new conversation waiting in the queue; only through {@link ChatStore#insertConversation}. */
    @Insert("INSERT INTO chat_conversation (id, visitor_id, state, created_at, follows_id)"
            + " VALUES (#{id}, #{visitorId}, 'NEW', #{now}, #{followsId})")
    void insert(@Param("id") String id, @Param("visitorId") String visitorId, @Param("followsId") String followsId,
            @Param("now") OffsetDateTime now);

    /** Its counters; only through {@link ChatStore#insertConversation}. */
    @Insert("INSERT INTO chat_conversation_counter (conversation_id, last_seq, visitor_messages, updated_at)"
            + " VALUES (#{id}, 0, 0, #{now})")
    void insertCounter(@Param("id") String id, @Param("now") OffsetDateTime now);

    String COLUMNS = "c.id, c.visitor_id, c.state, n.last_seq, c.created_at, c.assigned_agent_id, c.closed_at";
    String WITH_COUNTER = " FROM chat_conversation c JOIN chat_conversation_counter n ON n.conversation_id = c.id";

    @Select("SELECT " + COLUMNS + WITH_COUNTER + " WHERE c.id = #{id}")
    ConversationRow find(String id);

    /**
     * Like {@link #find}, with the counters of its assigned agent's unread count, whether its visitor is blocked and
     * the number of a message in the table with this client id (null if none): what a message's writer checks once
     * it holds the counter row's lock, in one statement.
     */
    @Select("SELECT " + COLUMNS + ", n.visitor_messages, s.seen_visitor_messages AS assignee_seen_visitor_messages,"
            + " v.blocked AS visitor_blocked, (SELECT m.seq FROM chat_message m WHERE m.conversation_id = c.id"
            + " AND m.client_message_id = #{clientMessageId}) AS client_id_seq" + WITH_COUNTER
            + " JOIN chat_visitor v ON v.id = c.visitor_id"
            + " LEFT JOIN chat_seen s ON s.conversation_id = c.id AND s.agent_id = c.assigned_agent_id"
            + " WHERE c.id = #{id}")
    ConversationRow findForMessage(@Param("id") String id, @Param("clientMessageId") String clientMessageId);

    /**
     * Takes the next sequence number (and counts a visitor's message for the unread counts: {@code visitorMessages}
     * is 1 or 0). The row lock it leaves until commit serializes the conversation's writers, so numbers have no gaps,
     * duplicates are detected reliably, and a change of state, which updates the same row, comes before or after a
     * message, never during it. 0 when there is no such conversation; the caller checks its state after this.
     */
    @Update("UPDATE chat_conversation_counter SET last_seq = last_seq + 1,"
            + " visitor_messages = visitor_messages + #{visitorMessages}, updated_at = #{now}"
            + " WHERE conversation_id = #{id}")
    int advanceSeq(@Param("id") String id, @Param("visitorMessages") int visitorMessages,
            @Param("now") OffsetDateTime now);

    /**
     * A message replayed from the journal: its number, counted if the visitor's, and its time. The database file may
     * have kept the counter's update without the message's row (rows are written later, {@link MessageTails}); the
     * counter counted the message then if it reached its number ({@link #advanceSeq} moves both in one statement), so
     * the visitor's message is counted only when {@code last_seq} is below it. Every SET reads the row as it was.
     */
    @Update("UPDATE chat_conversation_counter SET last_seq = GREATEST(last_seq, #{seq}),"
            + " visitor_messages = visitor_messages + CASE WHEN last_seq < #{seq} THEN #{visitorMessages} ELSE 0 END,"
            + " updated_at = GREATEST(updated_at, #{at})"
            + " WHERE conversation_id = #{id}")
    int replayCounter(@Param("id") String id, @Param("seq") long seq, @Param("visitorMessages") int visitorMessages,
            @Param("at") OffsetDateTime at);

    @Select("SELECT COUNT(*) FROM chat_conversation WHERE created_at >= #{since}")
    long countSince(OffsetDateTime since);

    @Select("SELECT COUNT(*) FROM chat_conversation WHERE assigned_agent_id = #{agentId} AND state = 'ACTIVE'")
    long countActiveOf(String agentId);

    /** The agent's open conversations, in the order their counter rows are locked in. */
    @Select("SELECT id FROM chat_conversation WHERE assigned_agent_id = #{agentId} AND state = 'ACTIVE' ORDER BY id")
    List<String> activeOf(String agentId);

    /**
     * Locks the conversation's counter row until the transaction ends: the conversation's writers' lock. A change of
     * state takes it before anything else, as a message does, so that the two never wait for each other's locks in
     * opposite orders (on PostgreSQL a message's foreign key also takes a share lock on the conversation's row).
     * Null when there is no such conversation.
     */
    @Select("SELECT conversation_id FROM chat_conversation_counter WHERE conversation_id = #{id} FOR UPDATE")
    String lockCounter(String id);

    /** Back to the queue: unassigned and NEW, for any agent to take. Its notice's message updates the counters. */
    @Update("UPDATE chat_conversation SET state = 'NEW', assigned_agent_id = NULL WHERE id = #{id} AND state = 'ACTIVE'")
    int requeue(@Param("id") String id);

    /**
     * Takes a conversation from the queue; 0 when it is not waiting there (any more). Its notice's message updates
     * the counters.
     */
    @Update("UPDATE chat_conversation SET state = 'ACTIVE', assigned_agent_id = #{agentId}"
            + " WHERE id = #{id} AND state = 'NEW'")
    int assign(@Param("id") String id, @Param("agentId") String agentId);

    /** Ends the conversation; its notice's message updates the counters. */
    @Update("UPDATE chat_conversation SET state = 'CLOSED', closed_at = #{now}, closed_by_type = #{byType},"
            + " closed_by_id = #{byId} WHERE id = #{id} AND state <> 'CLOSED'")
    int close(@Param("id") String id, @Param("byType") String byType, @Param("byId") String byId,
            @Param("now") OffsetDateTime now);

    /** The conversation a visitor's later message opened after this closed one, if any. */
    @Select("SELECT id FROM chat_conversation WHERE follows_id = #{id}")
    String followerOf(String id);

    @Select("SELECT " + COLUMNS + WITH_COUNTER + " WHERE c.visitor_id = #{visitorId} ORDER BY c.created_at DESC, c.id")
    List<ConversationRow> ofVisitor(String visitorId);

    @Select("SELECT DISTINCT assigned_agent_id FROM chat_conversation WHERE state = 'ACTIVE'")
    List<String> activeAgentIds();
}
