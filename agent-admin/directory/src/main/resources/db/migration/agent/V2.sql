-- Signed-in agents' sessions. Only the SHA-256 of the session secret is stored (hex), so a copy of the database
-- does not let anyone sign in. Deleting an agent deletes their sessions; disabling deletes them in the same
-- transaction (AgentStatus).
CREATE TABLE agent_session (
    secret_hash VARCHAR(64) PRIMARY KEY,
    agent_id VARCHAR(36) NOT NULL REFERENCES agent_account (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX agent_session_agent ON agent_session (agent_id);

CREATE INDEX agent_session_expiry ON agent_session (expires_at);
