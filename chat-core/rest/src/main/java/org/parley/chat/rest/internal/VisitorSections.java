package org.parley.chat.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.agent.api.Agent;
import org.parley.agent.api.PhoneNumbers;
import org.parley.chat.api.PhoneNumber;
import org.parley.chat.api.Visitor;
import org.parley.chat.api.VisitorInfoContributor;
import org.parley.chat.api.VisitorInfoSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sections other bundles contribute to a visitor's info, as one agent may see them: every phone number masked
 * for agents who may not see numbers ({@link PhoneNumbers#asSeenBy}), here on the server, whatever the contributor
 * sent. Numbers are {@link PhoneNumber} values; as a safety net, text under any key containing "phone" is masked too.
 */
final class VisitorSections {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorSections.class);

    private final List<VisitorInfoContributor> contributors = new CopyOnWriteArrayList<>();

    void add(VisitorInfoContributor contributor) {
        contributors.add(contributor);
    }

    void remove(VisitorInfoContributor contributor) {
        contributors.remove(contributor);
    }

    /** Every contributor's section for the visitor, masked for the viewer, ordered by key. */
    List<Json.SectionView> of(Visitor visitor, Agent viewer) {
        List<Json.SectionView> sections = new ArrayList<>();
        for (VisitorInfoContributor contributor : contributors) {
            Optional<VisitorInfoSection> section;
            try {
                section = contributor.contribute(visitor);
            } catch (RuntimeException e) {
                // One failing contributor must not cost the agent the rest of the visitor's info.
                LOG.warn("Visitor info contributor {} failed", contributor.getClass().getName(), e);
                continue;
            }
            section.ifPresent(s -> sections.add(new Json.SectionView(s.key(), s.title(), masked(s.fields(), viewer))));
        }
        sections.sort(Comparator.comparing(Json.SectionView::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return sections;
    }

    static Map<String, Object> masked(Map<String, ?> fields, Agent viewer) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(key, masked(key, value, viewer)));
        return copy;
    }

    private static Object masked(String key, Object value, Agent viewer) {
        if (value instanceof PhoneNumber number) {
            return PhoneNumbers.asSeenBy(viewer, number.number());
        }
        if (value instanceof String text && key != null && key.toLowerCase(Locale.ROOT).contains("phone")) {
            return PhoneNumbers.asSeenBy(viewer, text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), masked(String.valueOf(k), v, viewer)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            // A list's elements go by the list's name: "phones": ["+1 234 555 5678"].
            return list.stream().map(element -> masked(key, element, viewer)).toList();
        }
        return value;
    }
}
