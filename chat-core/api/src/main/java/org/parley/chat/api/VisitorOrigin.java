package org.parley.chat.api;

/**
 * Where a visitor's request came from, as the transport determined it.
 *
 * @param ip the client's IP address, honouring proxy headers only from trusted proxies; or null
 * @param userAgent the User-Agent header, or null
 * @param country the country (ISO 3166 code or name) when known, else null
 * @param city the city when known, else null
 */
public record VisitorOrigin(String ip, String userAgent, String country, String city) {}
