package org.parley.workspace;

import org.osgi.annotation.versioning.ConsumerType;
import org.parley.agent.api.AccessLevel;

/**
 * A page of the agents' workspace, registered as an OSGi service by the bundle that provides it. The workspace lists
 * the page in its navigation for the access levels it is {@linkplain #visibleTo visible to}, and opens it at
 * {@link #path()} by importing {@link #module()}.
 *
 * <p>The module is a JavaScript ES module served by the providing bundle (for example with an OSGi HTTP whiteboard
 * resource under {@code /assets/<bundle>/}). It exports {@code render(context)} where {@code context} holds
 * {@code main} (the element to render into), {@code session} (the signed-in agent and CSRF token), {@code api}
 * (fetch helper that sends the CSRF token and turns problem details into errors) and {@code problemText} (an error
 * as a sentence), {@code html}, {@code render} and {@code nothing} from lit-html, which escapes every value put into
 * a template, {@code ui} (dialogs, form fields, notices, avatars) and {@code navigate}. The context is the whole
 * interface: a page does not import the workspace's own scripts. Hiding a page is a convenience: the REST API decides
 * on the server what each agent may read and change.
 */
@ConsumerType
public interface WorkspacePage {

    /** The page's address in the workspace: one path segment such as {@code /agents}. */
    String path();

    /** The page's name in the navigation. */
    String title();

    /** The absolute URL path of the page's ES module, such as {@code /assets/workspace/pages/agents.js}. */
    String module();

    /** Where the page sits in the navigation: lower first. */
    default int order() {
        return 100;
    }

    /** Whether agents with this access level see the page; all do unless the page says otherwise. */
    default boolean visibleTo(AccessLevel level) {
        return true;
    }
}
