-- Presence, avatars and notification settings. New and existing agents start offline; only an active, enabled agent
-- is ever online (disabling and deactivating set presence in the same statement).
ALTER TABLE agent_account ADD COLUMN presence VARCHAR(16) DEFAULT 'OFFLINE' NOT NULL;

ALTER TABLE agent_account ADD CONSTRAINT agent_account_presence_ck
    CHECK (presence = 'OFFLINE' OR (presence = 'ONLINE' AND active = TRUE AND enabled = TRUE));

-- The current avatar's version (a hash of the image), copied here so that listing agents reads no images.
ALTER TABLE agent_account ADD COLUMN avatar_version VARCHAR(64);

CREATE TABLE agent_avatar (
    agent_id VARCHAR(36) PRIMARY KEY REFERENCES agent_account (id) ON DELETE CASCADE,
    media_type VARCHAR(32) NOT NULL,
    image BYTEA NOT NULL,
    version VARCHAR(64) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agent_avatar_media_type_ck CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp'))
);

-- One row per agent who changed their settings; agents without a row have the defaults.
CREATE TABLE agent_notification_settings (
    agent_id VARCHAR(36) PRIMARY KEY REFERENCES agent_account (id) ON DELETE CASCADE,
    sound_on_new_chat BOOLEAN NOT NULL,
    sound_on_new_message BOOLEAN NOT NULL,
    desktop_notifications BOOLEAN NOT NULL
);
