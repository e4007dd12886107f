package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.ConversationStatistics;
import org.parley.platform.database.TestDatabase;
import org.parley.rest.problem.ProblemException;

/** {@code GET /agents/deletion-impact}: the confirmation dialog's figures, before anything is deleted. */
class DeletionImpactTest {

    @OnEachDatabase
    void countsTheAgentsAndAsksTheChatCoreForTheirOpenConversations(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            String secret = api.signIn(api.create("owner", AccessLevel.OWNER));
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            Agent sam = api.create("sam", AccessLevel.LIMITED);
            List<String> ids = List.of(jane.id(), sam.id(), jane.id());

            assertEquals(new Json.DeletionImpact(2, 0), api.agents.deletionImpact(secret, ids), "no chat core yet");

            List<Collection<String>> asked = new ArrayList<>();
            api.agents.statistics = new ConversationStatistics() {
                @Override
                public long conversationsSince(Instant since) {
                    throw new AssertionError("not asked for the impact");
                }

                @Override
                public long openConversationsOf(Collection<String> agentIds) {
                    asked.add(List.copyOf(agentIds));
                    return 7;
                }
            };
            assertEquals(new Json.DeletionImpact(2, 7), api.agents.deletionImpact(secret, ids));
            assertEquals(List.of(List.of(jane.id(), sam.id())), asked, "each agent once");
            assertEquals(3, api.directory.count(), "nothing deleted");
        }
    }

    @OnEachDatabase
    void namesTheIdsForAnUnknownOrMissingAgent(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            String secret = api.signIn(api.create("owner", AccessLevel.OWNER));
            Agent jane = api.create("jane", AccessLevel.LIMITED);

            AgentException unknown = assertThrows(AgentException.class,
                    () -> api.agents.deletionImpact(secret, List.of(jane.id(), "no-such-agent")));
            assertEquals(404, AgentProblems.problem(unknown).status());
            assertEquals("ids", AgentProblems.problem(unknown).field());
            for (List<String> ids : Arrays.asList(null, List.<String>of(), List.of(" "))) {
                ProblemException missing = assertThrows(ProblemException.class,
                        () -> api.agents.deletionImpact(secret, ids));
                assertEquals(400, missing.problem().status());
                assertEquals("ids", missing.problem().field());
            }
        }
    }
}
