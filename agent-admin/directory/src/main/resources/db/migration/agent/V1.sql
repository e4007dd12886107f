-- Agents, queues and queue membership. Portable SQL: the same script runs on H2 and PostgreSQL.
-- Free-text columns are twice the validated length: H2 counts UTF-16 units, so room for surrogate pairs.
CREATE TABLE agent_account (
    id VARCHAR(36) PRIMARY KEY,
    username VARCHAR(50) NOT NULL,
    -- Lower-case copies carry the case-insensitive uniqueness (H2 has no expression indexes).
    username_key VARCHAR(50) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    email VARCHAR(508),
    email_key VARCHAR(508),
    description VARCHAR(1000),
    access_level VARCHAR(16) NOT NULL,
    -- TRUE for the owner and NULL for everyone else: the unique constraint then allows one owner at most.
    owner_slot BOOLEAN,
    active BOOLEAN NOT NULL,
    enabled BOOLEAN NOT NULL,
    show_real_phone_numbers BOOLEAN NOT NULL,
    max_concurrent_sessions INTEGER,
    password_hash VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agent_account_username_uq UNIQUE (username_key),
    CONSTRAINT agent_account_email_uq UNIQUE (email_key),
    CONSTRAINT agent_account_owner_uq UNIQUE (owner_slot),
    CONSTRAINT agent_account_access_level_ck CHECK (access_level IN ('OWNER', 'FULL', 'LIMITED')),
    -- Written so that neither check can come out NULL, which a CHECK would let pass.
    CONSTRAINT agent_account_owner_ck CHECK ((access_level = 'OWNER') = (owner_slot IS NOT NULL)),
    CONSTRAINT agent_account_owner_slot_ck CHECK (owner_slot IS NULL OR owner_slot = TRUE),
    CONSTRAINT agent_account_sessions_ck CHECK (max_concurrent_sessions IS NULL OR max_concurrent_sessions > 0)
);

CREATE TABLE agent_queue (
    id VARCHAR(36) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agent_queue_name_uq UNIQUE (name_key)
);

CREATE TABLE agent_queue_member (
    agent_id VARCHAR(36) NOT NULL REFERENCES agent_account (id) ON DELETE CASCADE,
    queue_id VARCHAR(36) NOT NULL REFERENCES agent_queue (id) ON DELETE CASCADE,
    PRIMARY KEY (agent_id, queue_id)
);

CREATE INDEX agent_queue_member_queue ON agent_queue_member (queue_id);
