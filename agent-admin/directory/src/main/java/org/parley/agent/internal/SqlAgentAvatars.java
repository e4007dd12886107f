package org.parley.agent.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentAvatars;
import org.parley.agent.api.AgentChangeListener;
import org.parley.agent.api.Avatar;
import org.parley.agent.internal.AvatarMapper.AvatarRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Avatars in {@code agent_avatar}, their version also on the agent's row so that lists read no images. */
@Component(service = AgentAvatars.class)
public final class SqlAgentAvatars implements AgentAvatars {
    private static final Logger LOG = LoggerFactory.getLogger(SqlAgentAvatars.class);

    private final AgentDatabase database;
    private final Clock clock;
    private final ChangeListeners changeListeners = new ChangeListeners();

    @Activate
    public SqlAgentAvatars(@Reference AgentDatabase database) {
        this(database, Clock.systemUTC());
    }

    public SqlAgentAvatars(AgentDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A new avatar changes the agent's avatarVersion: the change listeners hear of it. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeChangeListener")
    void addChangeListener(AgentChangeListener listener) {
        changeListeners.add(listener);
    }

    void removeChangeListener(AgentChangeListener listener) {
        changeListeners.remove(listener);
    }

    @Override
    public Optional<Avatar> find(String agentId) {
        if (agentId == null) {
            return Optional.empty();
        }
        return database.read(session -> Optional.ofNullable(session.getMapper(AvatarMapper.class).byAgent(agentId))
                .map(AvatarRow::toAvatar));
    }

    @Override
    public Agent change(String agentId, String mediaType, byte[] image) {
        AvatarRow row = new AvatarRow();
        row.agentId = agentId;
        row.mediaType = AvatarImages.require(mediaType, image);
        row.image = image.clone();
        row.version = AvatarImages.version(row.image);
        row.changedAt = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Agent agent = database.write(session -> {
            AgentRow.require(session, agentId, "agentId");
            AvatarMapper avatars = session.getMapper(AvatarMapper.class);
            avatars.delete(agentId);
            avatars.insert(row);
            session.getMapper(AgentMapper.class).setAvatarVersion(agentId, row.version);
            return AgentRow.load(session, agentId);
        }, session -> AgentRow.require(session, agentId, "agentId"));
        LOG.info("Agent '{}' ({}) has a new avatar ({}, {} bytes)", agent.username(), agent.id(), row.mediaType,
                row.image.length);
        changeListeners.changed(agent);
        return agent;
    }

    @Override
    public Agent remove(String agentId) {
        boolean[] removed = new boolean[1];
        Agent agent = database.write(session -> {
            AgentRow.require(session, agentId, "agentId");
            removed[0] = session.getMapper(AvatarMapper.class).delete(agentId) > 0;
            session.getMapper(AgentMapper.class).setAvatarVersion(agentId, null);
            return AgentRow.load(session, agentId);
        });
        if (removed[0]) {
            LOG.info("Agent '{}' ({}) has no avatar any more", agent.username(), agent.id());
            changeListeners.changed(agent);
        }
        return agent;
    }
}
