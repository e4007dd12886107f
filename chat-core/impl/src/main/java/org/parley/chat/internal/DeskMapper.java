package org.parley.chat.internal;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the agents' desk: their lists with unread counts, what they have seen, and their chat limit's lock. */
interface DeskMapper {
    /**
     * A conversation with this agent's unread count (the visitor's messages after the agent's mark, from two counters:
     * no counting of rows) and its newest message.
     */
    String DESK = "SELECT c.id, c.visitor_id, c.state, n.last_seq, c.created_at, n.updated_at, c.assigned_agent_id,"
            + " c.closed_at,"
            + " n.visitor_messages - COALESCE(s.seen_visitor_messages, 0) AS unread,"
            + " lm.seq AS last_seq_of_message, lm.client_message_id AS last_client_message_id,"
            + " lm.sender_type AS last_sender_type, lm.sender_id AS last_sender_id, lm.sender_name AS last_sender_name,"
            + " lm.body AS last_body, lm.created_at AS last_created_at"
            + " FROM chat_conversation c JOIN chat_conversation_counter n ON n.conversation_id = c.id"
            + " LEFT JOIN chat_seen s ON s.conversation_id = c.id AND s.agent_id = #{agentId}"
            + " LEFT JOIN chat_message lm ON lm.conversation_id = c.id AND lm.seq = n.last_seq";

    /*
     * The agent's list comes from four queries, each bounded by an index, and ChatDesk merges them: a single query
     * ordering every conversation ever held by a CASE sorts them all on each call, which takes seconds after months
     * of chats (docs/performance.md, "The desk after months of chats").
     */

    /** The queue, most recently changed first. */
    @Select(DESK + " WHERE c.state = 'NEW' ORDER BY n.updated_at DESC, c.id LIMIT #{limit}")
    List<DeskRow> queue(@Param("agentId") String agentId, @Param("limit") int limit);

    /** The agent's own chats, most recently changed first. */
    @Select(DESK + " WHERE c.assigned_agent_id = #{agentId} AND c.state = 'ACTIVE'"
            + " ORDER BY n.updated_at DESC, c.id LIMIT #{limit}")
    List<DeskRow> own(@Param("agentId") String agentId, @Param("limit") int limit);

    /** Other agents' chats, most recently changed first. */
    @Select(DESK + " WHERE c.state = 'ACTIVE' AND c.assigned_agent_id <> #{agentId}"
            + " ORDER BY n.updated_at DESC, c.id LIMIT #{limit}")
    List<DeskRow> othersActive(@Param("agentId") String agentId, @Param("limit") int limit);

    /**
     * Ended chats, most recently ended first, in the order of the state index (state, closed_at DESC), which reads
     * only the first rows. Nothing changes a conversation after it ends, so its updated_at is its closed_at.
     */
    @Select(DESK + " WHERE c.state = 'CLOSED' ORDER BY c.state, c.closed_at DESC LIMIT #{limit}")
    List<DeskRow> ended(@Param("agentId") String agentId, @Param("limit") int limit);

    @Select(DESK + " WHERE c.id = #{id}")
    DeskRow one(@Param("agentId") String agentId, @Param("id") String id);

    @Select(DESK + " WHERE c.visitor_id = #{visitorId} ORDER BY c.created_at DESC, c.id")
    List<DeskRow> ofVisitor(@Param("agentId") String agentId, @Param("visitorId") String visitorId);

    /**
     * Raises the mark to {@code seq}, where the visitor's messages up to it are {@code visitorMessages} (counted by the
     * caller: some may not be in chat_message yet, see MessageTails).
     */
    @Update("UPDATE chat_seen SET seen_seq = #{seq}, seen_visitor_messages = #{visitorMessages}"
            + " WHERE conversation_id = #{id} AND agent_id = #{agentId} AND seen_seq < #{seq}")
    int raiseMark(@Param("id") String id, @Param("agentId") String agentId, @Param("seq") long seq,
            @Param("visitorMessages") long visitorMessages);

    @Insert("INSERT INTO chat_seen (conversation_id, agent_id, seen_seq, seen_visitor_messages)"
            + " SELECT #{id}, #{agentId}, #{seq}, #{visitorMessages}"
            + " WHERE NOT EXISTS (SELECT 1 FROM chat_seen WHERE conversation_id = #{id} AND agent_id = #{agentId})")
    int insertMark(@Param("id") String id, @Param("agentId") String agentId, @Param("seq") long seq,
            @Param("visitorMessages") long visitorMessages);

    /** Raises the reader's mark to {@code seq}, or sets it if they have none yet. */
    default void mark(String id, String readerId, long seq, long visitorMessages) {
        if (raiseMark(id, readerId, seq, visitorMessages) == 0) {
            insertMark(id, readerId, seq, visitorMessages);
        }
    }

    /** The highest mark of any reader but this one (the visitor): the agents'. */
    @Select("SELECT MAX(seen_seq) FROM chat_seen WHERE conversation_id = #{id} AND agent_id <> #{visitorId}")
    Long seenByOthers(@Param("id") String id, @Param("visitorId") String visitorId);

    @Select("SELECT seen_seq FROM chat_seen WHERE conversation_id = #{id} AND agent_id = #{agentId}")
    Long seen(@Param("id") String id, @Param("agentId") String agentId);

    @Insert("INSERT INTO chat_agent_load (agent_id) SELECT #{agentId}"
            + " WHERE NOT EXISTS (SELECT 1 FROM chat_agent_load WHERE agent_id = #{agentId})")
    int insertLoad(String agentId);

    /** Serializes the agent's takes until the transaction ends. */
    @Select("SELECT agent_id FROM chat_agent_load WHERE agent_id = #{agentId} FOR UPDATE")
    String lockLoad(String agentId);
}
