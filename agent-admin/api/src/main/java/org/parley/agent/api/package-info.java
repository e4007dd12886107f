/**
 * The agent directory: the people who chat with visitors, their access levels, sign-in, sessions and queues, and
 * the hook other bundles use to hear that agents were deleted.
 */
@Version("1.1.0")
package org.parley.agent.api;

import org.osgi.annotation.versioning.Version;
