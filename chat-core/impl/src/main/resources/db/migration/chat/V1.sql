-- Visitors, their conversations and messages. Portable SQL: the same script runs on H2 and PostgreSQL.
CREATE TABLE chat_visitor (
    id VARCHAR(36) PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE chat_conversation (
    id VARCHAR(36) PRIMARY KEY,
    visitor_id VARCHAR(36) NOT NULL REFERENCES chat_visitor (id),
    state VARCHAR(16) NOT NULL,
    last_seq BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX chat_conversation_visitor ON chat_conversation (visitor_id);

CREATE TABLE chat_message (
    conversation_id VARCHAR(36) NOT NULL REFERENCES chat_conversation (id),
    seq BIGINT NOT NULL,
    client_message_id VARCHAR(64) NOT NULL,
    sender_type VARCHAR(16) NOT NULL,
    sender_id VARCHAR(64),
    body VARCHAR(8000) NOT NULL, -- 4000 characters; H2 counts UTF-16 units, so room for surrogate pairs
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    CONSTRAINT chat_message_client_id UNIQUE (conversation_id, client_message_id)
);
