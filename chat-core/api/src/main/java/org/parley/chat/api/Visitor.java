package org.parley.chat.api;

import java.time.Instant;

/**
 * An anonymous visitor of the shop, one per browser.
 *
 * @param id the visitor's id, shown to agents; it grants nothing
 * @param createdAt the first visit
 */
public record Visitor(String id, Instant createdAt) {}
