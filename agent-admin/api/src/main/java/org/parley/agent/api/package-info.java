/**
 * The agent directory: the people who chat with visitors, their access levels, sign-in, sessions and queues, and
 * the hook other bundles use to hear that agents were deleted, the plan and its seats, invitations by email, and
 * the conversation statistics the chat core provides for the usage overview.
 */
@Version("1.2.0")
package org.parley.agent.api;

import org.osgi.annotation.versioning.Version;
