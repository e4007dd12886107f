/**
 * The agent directory: the people who chat with visitors, their access levels, sign-in, sessions and queues, and
 * the hook through which other bundles take part in deleting agents (inside the deletion's transaction), the plan
 * and its seats, invitations by email, and the conversation statistics the chat core provides.
 *
 * <p>2.0: {@link org.parley.agent.api.AgentDeletionListener} is called inside the deletion's transaction, with its
 * connection, instead of after the commit; {@link org.parley.agent.api.ConversationStatistics} counts the open
 * conversations of agents; {@link org.parley.agent.api.SessionCredentials} lets other bundles check the agents'
 * session cookie and CSRF token as agent-admin does.
 *
 * <p>2.1: {@link org.parley.agent.api.AgentSessions#isSignedIn} tells whether an agent still has a live session, so
 * presence follows the agent's last session, not each one.
 */
@Version("2.1.0")
package org.parley.agent.api;

import org.osgi.annotation.versioning.Version;
