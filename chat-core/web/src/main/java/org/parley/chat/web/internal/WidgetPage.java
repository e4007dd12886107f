package org.parley.chat.web.internal;

import org.osgi.service.component.annotations.Component;
import org.parley.agent.api.AccessLevel;
import org.parley.workspace.WorkspacePage;

/** The workspace page with the snippet that puts the chat widget on the shop's pages. */
@Component
public class WidgetPage implements WorkspacePage {
    @Override
    public String path() {
        return "/widget";
    }

    @Override
    public String title() {
        return "Chat widget";
    }

    @Override
    public String module() {
        return "/assets/chat/widget-page.js";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public boolean visibleTo(AccessLevel level) {
        return level != AccessLevel.LIMITED;
    }
}
