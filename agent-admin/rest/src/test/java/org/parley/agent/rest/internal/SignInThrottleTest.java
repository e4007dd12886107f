package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.parley.agent.api.AccessLevel;
import org.parley.platform.database.TestDatabase;
import org.parley.platform.testing.MovableClock;
import org.parley.rest.problem.ProblemException;

/** Repeated failures are refused per account and per client address, and the refusal says when to retry. */
class SignInThrottleTest {
    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void refusesTheSixthFailureOnOneAccountWithinFifteenMinutes() {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertEquals(OptionalLong.empty(), throttle.admit("Jane", "10.0.0." + i));
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(OptionalLong.of(10 * 60), throttle.admit("jane ", "10.0.0.99"), "regardless of case");
        assertEquals(OptionalLong.empty(), throttle.admit("sam", "10.0.0.99"), "other accounts unaffected");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(OptionalLong.empty(), throttle.admit("jane", "10.0.0.99"), "the oldest failure left the window");
    }

    @Test
    void refusesOneAddressAfterTwentyFailuresOnAnyAccounts() {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            assertEquals(OptionalLong.empty(), throttle.admit("user" + i, "10.0.0.1"));
        }
        assertEquals(OptionalLong.of(15 * 60), throttle.admit("someone", "10.0.0.1"));
        assertEquals(OptionalLong.empty(), throttle.admit("someone", "10.0.0.2"));
    }

    @Test
    void successClearsTheAccount() {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT - 1; i++) {
            throttle.admit("jane", "10.0.0.1");
        }
        throttle.admit("jane", "10.0.0.1");
        throttle.succeeded("jane", "10.0.0.1");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertEquals(OptionalLong.empty(), throttle.admit("jane", "10.0.0.1"));
        }
    }

    @OnEachDatabase
    void answers429WithRetryAfterWithoutCheckingThePassword(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind, clock)) {
            api.create("jane", AccessLevel.LIMITED);
            for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
                assertEquals(401, TestApi.status(() -> api.session.signIn(new Json.SignIn("jane", "wrong"), null,
                        TestApi.request(false))));
            }
            for (String password : new String[] {"wrong", "secret-jane"}) {
                ProblemException refusal = assertThrows(ProblemException.class, () -> api.session.signIn(
                        new Json.SignIn("jane", password), null, TestApi.request(false)));
                assertEquals(429, refusal.problem().status());
                assertEquals("900", refusal.getResponse().getHeaderString("Retry-After"));
            }
        }
    }

    @Test
    void unknownLoginsAreCountedLikeKnownOnes() {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            throttle.admit("nobody", "10.0.0." + i);
        }
        assertTrue(throttle.admit("nobody", "10.0.0.9").isPresent());
    }

}
