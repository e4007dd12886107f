package org.parley.agent.internal;

import static org.parley.agent.internal.FieldRules.conflict;
import static org.parley.agent.internal.FieldRules.notFound;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.Queue;
import org.parley.agent.api.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The queues, and which agents belong to them. */
@Component(service = Queues.class)
public final class QueueCatalog implements Queues {
    private static final Logger LOG = LoggerFactory.getLogger(QueueCatalog.class);

    private final AgentDatabase database;

    @Activate
    public QueueCatalog(@Reference AgentDatabase database) {
        this.database = database;
    }

    @Override
    public Queue create(String name) {
        Queue queue = new Queue(UUID.randomUUID().toString(), FieldRules.queueName(name));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        database.write(session -> {
            requireNameFree(session, queue);
            session.getMapper(QueueMapper.class).insert(queue.id(), queue.name(), FieldRules.key(queue.name()), now);
            return null;
        }, session -> requireNameFree(session, queue));
        LOG.info("Queue '{}' ({}) created", queue.name(), queue.id());
        return queue;
    }

    @Override
    public Queue rename(String id, String name) {
        Queue queue = new Queue(id, FieldRules.queueName(name));
        database.write(session -> {
            QueueMapper mapper = session.getMapper(QueueMapper.class);
            if (mapper.byId(id) == null) {
                throw notFound("id", "No queue has the id " + id);
            }
            requireNameFree(session, queue);
            mapper.rename(id, queue.name(), FieldRules.key(queue.name()));
            return null;
        }, session -> requireNameFree(session, queue));
        return queue;
    }

    @Override
    public void delete(String id) {
        database.write(session -> {
            if (session.getMapper(QueueMapper.class).delete(id) == 0) {
                throw notFound("id", "No queue has the id " + id);
            }
            return null;
        });
        LOG.info("Queue {} deleted", id);
    }

    @Override
    public Optional<Queue> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(session -> session.getMapper(QueueMapper.class).byId(id)));
    }

    @Override
    public List<Queue> list() {
        return database.read(session -> session.getMapper(QueueMapper.class).all());
    }

    /** Refuses ids of queues that do not exist. */
    static void requireExisting(SqlSession session, List<String> queueIds) {
        QueueMapper mapper = session.getMapper(QueueMapper.class);
        for (String id : queueIds) {
            if (mapper.byId(id) == null) {
                throw notFound("queueIds", "No queue has the id " + id);
            }
        }
    }

    /** Makes the agent a member of exactly these queues. */
    static void setMemberships(SqlSession session, String agentId, List<String> queueIds) {
        QueueMapper mapper = session.getMapper(QueueMapper.class);
        mapper.leaveAll(agentId);
        queueIds.forEach(queueId -> mapper.join(agentId, queueId));
    }

    static List<Queue> queuesOf(SqlSession session, String agentId) {
        return session.getMapper(QueueMapper.class).queuesOf(agentId);
    }

    /** Every agent's queues, by agent id; agents in no queue are missing. */
    static Map<String, List<Queue>> queuesByAgent(SqlSession session) {
        Map<String, List<Queue>> queues = new HashMap<>();
        for (QueueMapper.Membership membership : session.getMapper(QueueMapper.class).memberships()) {
            queues.computeIfAbsent(membership.agentId(), id -> new ArrayList<>()).add(membership.queue());
        }
        return queues;
    }

    private static void requireNameFree(SqlSession session, Queue queue) {
        String holder = session.getMapper(QueueMapper.class).idByName(FieldRules.key(queue.name()));
        if (holder != null && !holder.equals(queue.id())) {
            throw conflict("name", "A queue named '" + queue.name() + "' already exists");
        }
    }
}
