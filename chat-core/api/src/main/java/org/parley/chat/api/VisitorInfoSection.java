package org.parley.chat.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One section of the visitor info, such as the shop's customer record.
 *
 * @param key a stable machine name, e.g. {@code "customer"}
 * @param title the heading agents see
 * @param fields the section's values by name, in display order; values are strings, numbers, booleans, lists or maps;
 *     phone numbers are {@link PhoneNumber}s, which chat core masks for agents who may not see them
 */
public record VisitorInfoSection(String key, String title, Map<String, Object> fields) {
    public VisitorInfoSection {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
