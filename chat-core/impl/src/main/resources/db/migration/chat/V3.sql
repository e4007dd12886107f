-- The agents' desk. One row per agent with a chat limit: taking a conversation locks the agent's row first, so the
-- agent's takes are counted against the limit one at a time (a count alone cannot lock rows that do not exist yet).
CREATE TABLE chat_agent_load (
    agent_id VARCHAR(36) PRIMARY KEY
);

-- How far each agent has read each conversation, for the unread counts in their list.
CREATE TABLE chat_seen (
    conversation_id VARCHAR(36) NOT NULL REFERENCES chat_conversation (id),
    agent_id VARCHAR(36) NOT NULL,
    seen_seq BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, agent_id)
);
