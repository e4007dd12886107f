package org.parley.workspace.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.parley.agent.api.AccessLevel;
import org.parley.workspace.WorkspacePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link WorkspacePage}s registered now (the whiteboard), checked and in navigation order. */
@Component(service = PageRegistry.class)
public class PageRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PageRegistry.class);
    private static final Pattern PAGE_PATH = Pattern.compile("/[a-z][a-z0-9-]{0,39}");
    private static final Pattern MODULE = Pattern.compile("/[A-Za-z0-9._~/-]+\\.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page as the shell's script reads it. */
    record Entry(String path, String title, String module, int order, List<AccessLevel> access) {}

    private final Map<WorkspacePage, Entry> pages = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPage(WorkspacePage page) {
        String path = page.path();
        String module = page.module();
        if (path == null || !PAGE_PATH.matcher(path).matches() || WorkspaceShell.PUBLIC_PATHS.contains(path)) {
            LOG.warn("Ignoring workspace page {}: its path '{}' is not one lower-case segment such as /desk", page, path);
            return;
        }
        if (module == null || !MODULE.matcher(module).matches() || module.contains("..") || module.startsWith("//")) {
            LOG.warn("Ignoring workspace page {}: its module '{}' is not a path on this server ending in .js", path, module);
            return;
        }
        List<AccessLevel> access = Arrays.stream(AccessLevel.values()).filter(page::visibleTo).toList();
        pages.put(page, new Entry(path, page.title(), module, page.order(), access));
    }

    void removePage(WorkspacePage page) {
        pages.remove(page);
    }

    /** The pages in navigation order; the first of two with the same path wins. */
    List<Entry> entries() {
        return pages.values().stream()
                .sorted(Comparator.comparingInt(Entry::order).thenComparing(Entry::path))
                .filter(distinctPaths())
                .toList();
    }

    private static java.util.function.Predicate<Entry> distinctPaths() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return entry -> seen.add(entry.path());
    }

    /** The entries as JSON that is safe inside a script element. */
    String json(List<Entry> entries) {
        try {
            return JSON.writeValueAsString(entries).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the page list", e);
        }
    }
}
