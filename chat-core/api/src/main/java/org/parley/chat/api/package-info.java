/**
 * Chat core's API: visitors, conversations and their messages, live delivery to subscribers, the agents' desk
 * (queue, taking, answering, closing, and live changes of their lists), the visitor records (name, email, pages, notes,
 * blocking) with the visitors' presence, and the visitor-info extension point that other bundles contribute to.
 */
@Version("1.4.0")
package org.parley.chat.api;

import org.osgi.annotation.versioning.Version;
