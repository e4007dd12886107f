package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.parley.rest.problem.ProblemException;

/** The visitors' limits and their token buckets, on a fake clock (no waiting). */
class VisitorLimitsTest {
    private final AtomicLong now = new AtomicLong(5_000_000);

    @Test
    void aBucketAllowsABurstThenRefillsEvenly() {
        TokenBucket bucket = new TokenBucket(20, 10_000, now.get());
        for (int i = 0; i < 20; i++) {
            assertEquals(0, bucket.take(now.get()));
        }
        assertEquals(500, bucket.take(now.get()), "2 tokens per second: the next in 500 ms");
        now.addAndGet(499);
        assertEquals(1, bucket.take(now.get()));
        now.addAndGet(1);
        assertEquals(0, bucket.take(now.get()));
        now.addAndGet(60_000);
        assertEquals(true, bucket.full(now.get()), "never more than the capacity");
    }

    @Test
    void messagesAreLimitedToABurstOf20AndThen120AMinute() {
        VisitorLimits limits = new VisitorLimits(defaults(), now::get);
        assertEquals(20, burst(limits), "the burst");
        // Trying every 100 ms: 2 a second, 120 a minute (the first token after the burst comes at 500 ms).
        assertEquals(119, allowedWithin(limits, 60_000));
        assertEquals(120, allowedWithin(limits, 60_000));
        limits.newMessage("v2"); // another visitor is not affected
    }

    @Test
    void theSustainedRateHoldsWhenTheBurstIsConfiguredHigher() {
        VisitorLimitsConfiguration defaults = defaults();
        VisitorLimitsConfiguration burstOf100 = (VisitorLimitsConfiguration) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {VisitorLimitsConfiguration.class},
                (proxy, method, args) -> method.getName().equals("messagesPerVisitorPer10Seconds") ? 100
                        : method.invoke(defaults, args));
        VisitorLimits limits = new VisitorLimits(burstOf100, now::get);
        assertEquals(100, burst(limits));
        allowedWithin(limits, 60_000);
        assertEquals(120, allowedWithin(limits, 60_000), "in the long run the per-minute bucket decides");
    }

    /** Tries 500 messages at the same moment; how many were allowed. */
    private static int burst(VisitorLimits limits) {
        int allowed = 0;
        for (int i = 0; i < 500; i++) {
            try {
                limits.newMessage("v1");
                allowed++;
            } catch (ProblemException refused) {
                // counted by what was allowed
            }
        }
        return allowed;
    }

    /** Tries a message every 100 ms (at least once) for the given time; how many were allowed. */
    private int allowedWithin(VisitorLimits limits, long millis) {
        int allowed = 0;
        long end = now.get() + millis;
        do {
            try {
                limits.newMessage("v1");
                allowed++;
            } catch (ProblemException refused) {
                assertEquals(429, refused.getResponse().getStatus());
            }
            now.addAndGet(100);
        } while (now.get() < end);
        return allowed;
    }

    @Test
    void refusalsCarryRetryAfterInWholeSeconds() {
        VisitorLimits limits = new VisitorLimits(defaults(), now::get);
        for (int i = 0; i < 5; i++) {
            limits.newConversation("v1", request("10.0.0.1"));
        }
        ProblemException refused = assertThrows(ProblemException.class,
                () -> limits.newConversation("v1", request("10.0.0.1")));
        assertEquals(429, refused.getResponse().getStatus());
        assertEquals("720", refused.getResponse().getHeaderString("Retry-After"), "5 per hour: one every 12 minutes");
        for (int i = 0; i < 20; i++) {
            limits.newVisitor(request("10.0.0.2"));
        }
        assertEquals("3", assertThrows(ProblemException.class, () -> limits.newVisitor(request("10.0.0.2")))
                .getResponse().getHeaderString("Retry-After"));
        limits.newVisitor(request("10.0.0.3"));
    }

    @Test
    void visitorsBehindATrustedProxyAreCountedApartAndSpoofedHeadersCountAgainstThePeer() {
        VisitorOrigins origins = new VisitorOrigins(TrustedProxies.of("10.0.0.0/8"), null);
        VisitorLimits limits = new VisitorLimits(defaults(), now::get, origins::address);
        for (int i = 0; i < 20; i++) {
            limits.newVisitor(TestRequests.from("10.0.0.1", "X-Forwarded-For", "203.0.113.9"));
        }
        assertEquals(429, assertThrows(ProblemException.class, () -> limits.newVisitor(
                TestRequests.from("10.0.0.2", "X-Forwarded-For", "203.0.113.9"))).getResponse().getStatus(),
                "the same client through another trusted proxy is the same client");
        limits.newVisitor(TestRequests.from("10.0.0.1", "X-Forwarded-For", "203.0.113.10"));

        for (int i = 0; i < 20; i++) {
            limits.newVisitor(TestRequests.from("198.51.100.7", "X-Forwarded-For", "203.0.113." + (20 + i)));
        }
        assertThrows(ProblemException.class, () -> limits.newVisitor(
                TestRequests.from("198.51.100.7", "X-Forwarded-For", "203.0.113.99")),
                "an untrusted peer cannot dodge its limit by naming other clients");
    }

    @Test
    void fullBucketsAreForgottenWhenThereAreMany() {
        RateLimit limit = new RateLimit("test", 1, 1_000, now::get);
        for (int i = 0; i <= RateLimit.SWEEP_ABOVE; i++) {
            limit.take("key" + i);
        }
        now.addAndGet(1_000);
        limit.take("one more");
        assertEquals(1, limit.keys());
    }

    static jakarta.servlet.http.HttpServletRequest request(String address) {
        return (jakarta.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(
                VisitorLimitsTest.class.getClassLoader(), new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRemoteAddr")) {
                        return address;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static VisitorLimitsConfiguration defaults() {
        return new VisitorLimitsConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return VisitorLimitsConfiguration.class;
            }

            @Override
            public int visitorsPerAddressPerMinute() {
                return 20;
            }

            @Override
            public int conversationsPerVisitorPerHour() {
                return 5;
            }

            @Override
            public int conversationsPerAddressPerHour() {
                return 30;
            }

            @Override
            public int messagesPerVisitorPer10Seconds() {
                return 20;
            }

            @Override
            public int messagesPerVisitorPerMinute() {
                return 120;
            }
        };
    }
}
