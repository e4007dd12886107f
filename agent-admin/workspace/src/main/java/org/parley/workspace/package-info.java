/**
 * The agents' browser workspace. A bundle adds a page to it by registering a {@link org.parley.workspace.WorkspacePage}
 * service and serving the page's script itself (the whiteboard pattern): the agent desk does so from the chat core.
 */
@Version("1.0.0")
package org.parley.workspace;

import org.osgi.annotation.versioning.Version;
