package org.parley.chat.api;

import java.time.Instant;

/**
 * One page a visitor's browser loaded.
 *
 * @param url the page's address (http or https)
 * @param title the page's title, or null
 * @param referrer the page the visitor came from, or null
 * @param viewedAt when; ignored when recording (the server's clock decides)
 */
public record PageView(String url, String title, String referrer, Instant viewedAt) {}
