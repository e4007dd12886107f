package org.parley.agent.api;

/**
 * A group of agents that conversations can be routed to, such as "Sales" or "Returns".
 *
 * @param id its id: a random UUID string
 * @param name its name, unique regardless of case
 */
public record Queue(String id, String name) {}
