package org.parley.customer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = CustomerInfoConfig.PID,
        name = "Parley shop customer info",
        description = "How agents see the shop's customer record of a visitor who is signed in to the shop.")
@interface CustomerInfoConfig {
    String PID = "org.parley.customer";

    @AttributeDefinition(
            name = "Cache time (seconds)",
            description = "How long a customer record, or the shop's 'no such customer', is reused before the shop"
                    + " is asked again. Failures are retried after at most 10 seconds.",
            min = "0",
            max = "3600")
    int cacheSeconds() default 60;

    @AttributeDefinition(
            name = "Cache size",
            description = "The most customers kept in the cache; the least recently shown are dropped first.",
            min = "1",
            max = "100000")
    int cacheSize() default 1000;

    @AttributeDefinition(
            name = "Agent wait (milliseconds)",
            description = "How long an agent's request waits for a slow shop before it shows 'pending'; the lookup"
                    + " carries on and its answer appears on the next refresh.",
            min = "0",
            max = "10000")
    int answerWaitMillis() default 1500;
}
