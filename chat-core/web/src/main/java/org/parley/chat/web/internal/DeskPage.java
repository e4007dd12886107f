package org.parley.chat.web.internal;

import org.osgi.service.component.annotations.Component;
import org.parley.workspace.WorkspacePage;

/** The agent desk: the conversation list, the chat and the visitor's info, for every agent. */
@Component
public class DeskPage implements WorkspacePage {
    @Override
    public String path() {
        return "/desk";
    }

    @Override
    public String title() {
        return "Conversations";
    }

    @Override
    public String module() {
        return "/assets/chat/desk.js";
    }

    @Override
    public int order() {
        return 100;
    }
}
