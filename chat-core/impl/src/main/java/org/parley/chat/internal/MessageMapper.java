package org.parley.chat.internal;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for messages. */
interface MessageMapper {
    String COLUMNS = "conversation_id, seq, client_message_id, sender_type, sender_id, sender_name, body, created_at";

    @Insert("INSERT INTO chat_message (" + COLUMNS + ") VALUES (#{conversationId}, #{seq}, #{clientMessageId},"
            + " #{senderType}, #{senderId}, #{senderName}, #{body}, #{createdAt})")
    void insert(MessageRow message);

    /** {@link #insert} for plain JDBC, parameters in the order of {@link #COLUMNS}. */
    String INSERT = "INSERT INTO chat_message (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Select("SELECT COUNT(*) FROM chat_message WHERE conversation_id = #{conversationId} AND seq = #{seq}")
    int countAt(@Param("conversationId") String conversationId, @Param("seq") long seq);

    @Select("SELECT " + COLUMNS + " FROM chat_message WHERE conversation_id = #{conversationId} AND seq = #{seq}")
    MessageRow at(@Param("conversationId") String conversationId, @Param("seq") long seq);

    @Select("SELECT COUNT(*) FROM chat_message WHERE conversation_id = #{conversationId} AND sender_type = 'VISITOR'"
            + " AND seq <= #{seq}")
    long visitorMessagesUpTo(@Param("conversationId") String conversationId, @Param("seq") long seq);

    /** The client ids of the conversation's messages in the table. */
    @Select("SELECT client_message_id FROM chat_message WHERE conversation_id = #{conversationId}")
    List<String> clientIdsOf(String conversationId);

    @Select("SELECT " + COLUMNS + " FROM chat_message"
            + " WHERE conversation_id = #{conversationId} AND client_message_id = #{clientMessageId}")
    MessageRow findByClientId(
            @Param("conversationId") String conversationId, @Param("clientMessageId") String clientMessageId);

    @Select("SELECT " + COLUMNS + " FROM chat_message WHERE conversation_id = #{conversationId} AND seq > #{after}"
            + " ORDER BY seq LIMIT #{limit}")
    List<MessageRow> after(
            @Param("conversationId") String conversationId, @Param("after") long after, @Param("limit") int limit);

    /** The name the agent's newest message was sent with, if any. */
    @Select("SELECT sender_name FROM chat_message WHERE sender_type = 'AGENT' AND sender_id = #{agentId}"
            + " AND sender_name IS NOT NULL ORDER BY created_at DESC LIMIT 1")
    String lastNameOf(String agentId);
}
