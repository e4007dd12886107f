package org.parley.agent.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.parley.agent.api.Queue;

/** SQL for {@code agent_queue} and {@code agent_queue_member}. */
interface QueueMapper {

    /** One agent's membership in one queue. */
    record Membership(String agentId, Queue queue) {
        Membership(String agentId, String queueId, String queueName) {
            this(agentId, new Queue(queueId, queueName));
        }
    }

    @Select("SELECT id, name FROM agent_queue ORDER BY LOWER(name), id")
    @ConstructorArgs({@Arg(column = "id", javaType = String.class), @Arg(column = "name", javaType = String.class)})
    List<Queue> all();

    @Select("SELECT id, name FROM agent_queue WHERE id = #{id}")
    @ConstructorArgs({@Arg(column = "id", javaType = String.class), @Arg(column = "name", javaType = String.class)})
    Queue byId(String id);

    @Select("SELECT id FROM agent_queue WHERE name_key = #{key}")
    String idByName(String key);

    @Insert("INSERT INTO agent_queue (id, name, name_key, created_at) VALUES (#{id}, #{name}, #{key}, #{createdAt})")
    void insert(@Param("id") String id, @Param("name") String name, @Param("key") String key,
            @Param("createdAt") OffsetDateTime createdAt);

    @Update("UPDATE agent_queue SET name = #{name}, name_key = #{key} WHERE id = #{id}")
    int rename(@Param("id") String id, @Param("name") String name, @Param("key") String key);

    @Delete("DELETE FROM agent_queue WHERE id = #{id}")
    int delete(String id);

    @Select("SELECT m.agent_id, q.id AS queue_id, q.name AS queue_name FROM agent_queue_member m"
            + " JOIN agent_queue q ON q.id = m.queue_id ORDER BY LOWER(q.name), q.id")
    @ConstructorArgs({@Arg(column = "agent_id", javaType = String.class),
            @Arg(column = "queue_id", javaType = String.class), @Arg(column = "queue_name", javaType = String.class)})
    List<Membership> memberships();

    @Select("SELECT q.id, q.name FROM agent_queue_member m JOIN agent_queue q ON q.id = m.queue_id"
            + " WHERE m.agent_id = #{agentId} ORDER BY LOWER(q.name), q.id")
    @ConstructorArgs({@Arg(column = "id", javaType = String.class), @Arg(column = "name", javaType = String.class)})
    List<Queue> queuesOf(String agentId);

    @Insert("INSERT INTO agent_queue_member (agent_id, queue_id) VALUES (#{agentId}, #{queueId})")
    void join(@Param("agentId") String agentId, @Param("queueId") String queueId);

    @Delete("DELETE FROM agent_queue_member WHERE agent_id = #{agentId}")
    void leaveAll(String agentId);
}
