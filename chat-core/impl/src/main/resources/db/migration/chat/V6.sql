-- The desk's list reads ended chats newest first, LIMIT n: with the close time in the state index, that is the index's
-- first n entries after 'CLOSED' instead of a sort of every conversation ever held. closed_at is set once, when a
-- chat ends, so no message moves this index's entries.
DROP INDEX chat_conversation_state;
CREATE INDEX chat_conversation_state ON chat_conversation (state, closed_at DESC);
