package org.parley.chat.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Operating system and browser with versions from a User-Agent header, by uap-java (the Java port of the ua-parser
 * project's shared regexes.yaml). Chosen over Yauaa because Yauaa, though more thorough, measured 9 s to start and
 * 3.8 s for its first answer with 138 MB of retained heap (800 MB peak RSS) and needs Log4j besides; uap-java
 * started in 0.4 s with 2 MB of retained heap (JDK 17, 2 cores; see docs/desk-api.md). Headers are parsed when an
 * agent reads the visitor, with a small LRU cache, so a newer regexes.yaml also improves old records.
 */
final class UserAgents {
    static final int CACHE_SIZE = 1000;

    // Parser is thread-safe; uap-java's CachingParser is not (an unsynchronized LRU map), so the cache is ours.
    // Made on first use: loading the regexes takes about 0.4 s, which Parley's start need not wait for.
    private volatile Parser parser;
    private final Map<String, Parsed> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Software and its version: {@code name} null when unknown, {@code version} null when not given. */
    record Software(String name, String version) {}

    /** The parsed header: operating system and browser. */
    record Parsed(Software os, Software browser) {}

    Parsed parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Parsed(new Software(null, null), new Software(null, null));
        }
        synchronized (cache) {
            Parsed known = cache.get(userAgent);
            if (known != null) {
                return known;
            }
        }
        Client client = parser().parse(userAgent);
        Parsed parsed = new Parsed(software(client.os.family, client.os.major, client.os.minor, client.os.patch),
                software(client.userAgent.family, client.userAgent.major, client.userAgent.minor,
                        client.userAgent.patch));
        synchronized (cache) {
            cache.put(userAgent, parsed);
        }
        return parsed;
    }

    private Parser parser() {
        Parser made = parser;
        if (made == null) {
            synchronized (this) {
                made = parser;
                if (made == null) {
                    made = new Parser();
                    parser = made;
                }
            }
        }
        return made;
    }

    private static Software software(String family, String... version) {
        if (family == null || family.equals("Other")) {
            return new Software(null, null);
        }
        StringBuilder text = new StringBuilder();
        for (String part : version) {
            if (part == null || part.isEmpty()) {
                break;
            }
            text.append(text.length() == 0 ? "" : ".").append(part);
        }
        return new Software(family, text.length() == 0 ? null : text.toString());
    }
}
