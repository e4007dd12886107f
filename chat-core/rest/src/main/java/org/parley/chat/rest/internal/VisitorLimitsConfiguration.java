package org.parley.chat.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Rate limits on what visitors may do; configuration PID {@code org.parley.chat.limits}. Per node, in memory. */
@ObjectClassDefinition(name = "Parley visitor rate limits",
        description = "How many visitors, conversations and messages the public API accepts before it answers 429."
                + " Counted per Parley node in memory, with token buckets (bursts up to the limit, refilled evenly).")
public @interface VisitorLimitsConfiguration {
    String PID = "org.parley.chat.limits";

    @AttributeDefinition(name = "New visitors per IP address per minute",
            description = "POST /api/v1/visitors from one client address.")
    int visitorsPerAddressPerMinute() default 20;

    @AttributeDefinition(name = "New conversations per visitor per hour",
            description = "POST /api/v1/conversations by one visitor.")
    int conversationsPerVisitorPerHour() default 5;

    @AttributeDefinition(name = "New conversations per IP address per hour",
            description = "POST /api/v1/conversations from one client address, whatever the visitor.")
    int conversationsPerAddressPerHour() default 30;

    @AttributeDefinition(name = "Messages per visitor per 10 seconds",
            description = "The burst: POST /api/v1/conversations/{id}/messages by one visitor within 10 seconds.")
    int messagesPerVisitorPer10Seconds() default 20;

    @AttributeDefinition(name = "Messages per visitor per minute",
            description = "The sustained rate: messages by one visitor within a minute.")
    int messagesPerVisitorPerMinute() default 120;
}
