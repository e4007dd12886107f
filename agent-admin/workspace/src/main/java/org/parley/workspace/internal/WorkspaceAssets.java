package org.parley.workspace.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the workspace's scripts, styles and lit-html from the bundle's {@code /workspace} folder at
 * {@code /assets/workspace/}.
 */
@Component(service = WorkspaceAssets.class)
@HttpWhiteboardResource(pattern = WorkspaceAssets.PREFIX + "/*", prefix = "/workspace")
public class WorkspaceAssets {
    static final String PREFIX = "/assets/workspace";
}
