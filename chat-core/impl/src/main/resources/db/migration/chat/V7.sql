-- What every message changes in its conversation (the sequence number, the visitor's message count, the time of the
-- last change) moves to a narrow table of its own. H2 executes an UPDATE by removing the row from every index of its
-- table and adding it back; chat_conversation has five indexes, so each message rewrote six index pages there. This
-- table has one. The row is also the conversation's writers' lock: every message and every change of state (take,
-- requeue, close, each with its notice) updates it in the same transaction (docs/performance.md, "Eighth round").
CREATE TABLE chat_conversation_counter (
    conversation_id VARCHAR(36) PRIMARY KEY REFERENCES chat_conversation (id),
    last_seq BIGINT NOT NULL,
    visitor_messages BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO chat_conversation_counter (conversation_id, last_seq, visitor_messages, updated_at)
    SELECT id, last_seq, visitor_messages, updated_at FROM chat_conversation;

ALTER TABLE chat_conversation DROP COLUMN last_seq;
ALTER TABLE chat_conversation DROP COLUMN visitor_messages;
ALTER TABLE chat_conversation DROP COLUMN updated_at;
