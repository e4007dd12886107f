package org.parley.workspace.internal;

import org.osgi.service.component.annotations.Component;
import org.parley.workspace.WorkspacePage;

/** Each agent's own profile: display name, password, avatar and notification settings. */
@Component
public class ProfilePage implements WorkspacePage {
    @Override
    public String path() {
        return "/profile";
    }

    @Override
    public String title() {
        return "Profile";
    }

    @Override
    public String module() {
        return WorkspaceAssets.PREFIX + "/pages/profile.js";
    }

    @Override
    public int order() {
        return 900;
    }
}
