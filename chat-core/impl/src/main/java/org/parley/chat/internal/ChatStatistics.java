package org.parley.chat.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.ConversationStatistics;

/** The conversation figures agent-admin shows, through the statistics service its API defines. */
@Component(service = ConversationStatistics.class)
public final class ChatStatistics implements ConversationStatistics {
    private final ChatStore store;

    @Activate
    public ChatStatistics(@Reference ChatStore store) {
        this.store = store;
    }

    @Override
    public long conversationsSince(Instant since) {
        try (SqlSession session = store.session()) {
            return session.getMapper(ConversationMapper.class).countSince(since.atOffset(ZoneOffset.UTC));
        }
    }

    @Override
    public long openConversationsOf(Collection<String> agentIds) {
        try (SqlSession session = store.session()) {
            ConversationMapper conversations = session.getMapper(ConversationMapper.class);
            return agentIds.stream().distinct().mapToLong(conversations::countActiveOf).sum();
        }
    }
}
