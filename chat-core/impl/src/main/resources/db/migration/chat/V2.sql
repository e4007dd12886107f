-- Assignment: which agent has a conversation, and how it ended. NEW has no agent and ACTIVE has one; CLOSED keeps
-- the agent who had it last (the id may outlive the agent: messages carry the names).
ALTER TABLE chat_conversation ADD COLUMN assigned_agent_id VARCHAR(36);
ALTER TABLE chat_conversation ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
-- VISITOR or AGENT, and the visitor's or agent's id.
ALTER TABLE chat_conversation ADD COLUMN closed_by_type VARCHAR(16);
ALTER TABLE chat_conversation ADD COLUMN closed_by_id VARCHAR(36);
-- The closed conversation that a visitor's later message continued in this one, so a retried message lands once.
ALTER TABLE chat_conversation ADD COLUMN follows_id VARCHAR(36);

-- Nothing assigned conversations before: any ACTIVE row has no agent, so it waits in the queue.
UPDATE chat_conversation SET state = 'NEW' WHERE state = 'ACTIVE';

ALTER TABLE chat_conversation ADD CONSTRAINT chat_conversation_state_ck CHECK (state IN ('NEW', 'ACTIVE', 'CLOSED'));
ALTER TABLE chat_conversation ADD CONSTRAINT chat_conversation_active_ck CHECK (state <> 'ACTIVE' OR assigned_agent_id IS NOT NULL);
ALTER TABLE chat_conversation ADD CONSTRAINT chat_conversation_new_ck CHECK (state <> 'NEW' OR assigned_agent_id IS NULL);
ALTER TABLE chat_conversation ADD CONSTRAINT chat_conversation_follows_uq UNIQUE (follows_id);
ALTER TABLE chat_conversation ADD CONSTRAINT chat_conversation_follows_fk FOREIGN KEY (follows_id) REFERENCES chat_conversation (id);

CREATE INDEX chat_conversation_agent ON chat_conversation (assigned_agent_id, state);
CREATE INDEX chat_conversation_state ON chat_conversation (state, updated_at);

-- The author's name at the time of writing (agents' display names), so history survives renames and deletions.
ALTER TABLE chat_message ADD COLUMN sender_name VARCHAR(400);
