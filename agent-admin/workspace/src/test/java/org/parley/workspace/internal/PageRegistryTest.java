package org.parley.workspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.agent.api.AccessLevel;
import org.parley.workspace.WorkspacePage;

class PageRegistryTest {
    private final PageRegistry registry = new PageRegistry();

    private static WorkspacePage page(String path, String title, String module, int order, boolean limited) {
        return new WorkspacePage() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public String module() {
                return module;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public boolean visibleTo(AccessLevel level) {
                return limited || level != AccessLevel.LIMITED;
            }
        };
    }

    @Test
    void pagesAreListedInNavigationOrderWithTheLevelsThatSeeThem() {
        registry.addPage(page("/agents", "Agents", "/assets/workspace/pages/agents.js", 500, false));
        registry.addPage(page("/desk", "Conversations", "/assets/chat/desk.js", 100, true));

        List<PageRegistry.Entry> entries = registry.entries();

        assertEquals(List.of("/desk", "/agents"), entries.stream().map(PageRegistry.Entry::path).toList());
        assertEquals(List.of(AccessLevel.OWNER, AccessLevel.FULL), entries.get(1).access());
        assertEquals(List.of(AccessLevel.values()), entries.get(0).access());
    }

    @Test
    void pagesWithUnsafeOrForeignAddressesAreIgnored() {
        registry.addPage(page("/setup", "Hijack", "/assets/x.js", 1, true));
        registry.addPage(page("desk", "No slash", "/assets/x.js", 1, true));
        registry.addPage(page("/a/b", "Two segments", "/assets/x.js", 1, true));
        registry.addPage(page("/evil", "Elsewhere", "//evil.example/x.js", 1, true));
        registry.addPage(page("/evil2", "Absolute", "https://evil.example/x.js", 1, true));
        registry.addPage(page("/evil3", "Climbing", "/assets/../x.js", 1, true));
        registry.addPage(page("/evil4", "Not a script", "/assets/x.html", 1, true));

        assertTrue(registry.entries().isEmpty());
    }

    @Test
    void aRemovedPageLeavesTheNavigationAndTheFirstOfTwoWithOnePathWins() {
        WorkspacePage desk = page("/desk", "Conversations", "/assets/chat/desk.js", 100, true);
        registry.addPage(desk);
        registry.addPage(page("/desk", "Other desk", "/assets/other/desk.js", 200, true));
        assertEquals(List.of("Conversations"), registry.entries().stream().map(PageRegistry.Entry::title).toList());

        registry.removePage(desk);
        assertEquals(List.of("Other desk"), registry.entries().stream().map(PageRegistry.Entry::title).toList());
    }

    @Test
    void thePageListCannotEndTheScriptElementItIsEmbeddedIn() {
        registry.addPage(page("/desk", "</script><script>alert(1)</script>", "/assets/chat/desk.js", 1, true));

        String json = registry.json(registry.entries());

        assertFalse(json.contains("<"), json);
        assertTrue(json.contains("\\u003c/script>"), json);
    }

    @Test
    void theShellCarriesThePageListAndLoadsOnlyItsOwnScripts() {
        String html = ShellHtml.render("[]");
        assertTrue(html.contains("<script type=\"application/json\" id=\"parley-pages\">[]</script>"));
        assertTrue(html.contains("<script type=\"module\" src=\"/assets/workspace/app.js\"></script>"));
        assertTrue(WorkspaceShell.CONTENT_SECURITY_POLICY.contains("script-src 'self'"));
        assertTrue(WorkspaceShell.CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
    }
}
