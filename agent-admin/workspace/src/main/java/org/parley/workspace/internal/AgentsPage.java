package org.parley.workspace.internal;

import org.osgi.service.component.annotations.Component;
import org.parley.agent.api.AccessLevel;
import org.parley.workspace.WorkspacePage;

/** The Agents page: the directory, its dialogs, invitations and the usage overview, for owners and full access. */
@Component
public class AgentsPage implements WorkspacePage {
    @Override
    public String path() {
        return "/agents";
    }

    @Override
    public String title() {
        return "Agents";
    }

    @Override
    public String module() {
        return WorkspaceAssets.PREFIX + "/pages/agents.js";
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public boolean visibleTo(AccessLevel level) {
        return level != AccessLevel.LIMITED;
    }
}
