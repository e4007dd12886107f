package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.ConversationStatistics;
import org.parley.agent.api.PlanTier;
import org.parley.platform.database.TestDatabase;

/** The usage overview: seats from the directory, monthly sessions from whichever statistics service there is. */
class UsageTest {

    @OnEachDatabase
    void reportsSeatsAndTheWarningFromEightyPercent(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            String secret = api.signIn(api.create("owner", AccessLevel.OWNER));
            api.plan.change(secret, CsrfTokens.of(secret), new Json.PlanBody(PlanTier.PAID, 5));
            for (String name : new String[] {"anna", "ben"}) {
                api.create(name, AccessLevel.LIMITED);
            }
            Json.UsageView usage = api.usage.usage(secret);
            assertEquals(3, usage.used());
            assertFalse(usage.warning(), "60%");
            api.create("carl", AccessLevel.LIMITED);
            assertTrue(api.usage.usage(secret).warning(), "80%");
        }
    }

    @OnEachDatabase
    void monthlySessionsComeFromTheStatisticsServiceWhileThereIsOne(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            String secret = api.signIn(api.create("owner", AccessLevel.OWNER));
            assertEquals(0L, api.usage.usage(secret).monthlySessions(), "no chat core yet");

            AtomicReference<Instant> asked = new AtomicReference<>();
            api.usage.statistics = new ConversationStatistics() {
                @Override
                public long conversationsSince(Instant since) {
                    asked.set(since);
                    return 42;
                }

                @Override
                public long openConversationsOf(Collection<String> agentIds) {
                    throw new AssertionError("not asked for the usage");
                }
            };
            Instant before = Instant.now().minus(UsageResource.MONTH);
            assertEquals(42L, api.usage.usage(secret).monthlySessions());
            assertTrue(!asked.get().isBefore(before) && !asked.get().isAfter(Instant.now().minus(UsageResource.MONTH)),
                    "the last 30 days: " + asked.get());

            api.usage.statistics = null;
            assertEquals(0L, api.usage.usage(secret).monthlySessions(), "the chat core stopped");
        }
    }
}
