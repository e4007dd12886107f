-- The plan with its seats, and invitations by email. Agents plus pending invitations never exceed the seats:
-- every write that takes a seat first locks the single plan row (SELECT ... FOR UPDATE), which serializes them.
CREATE TABLE agent_plan (
    id INTEGER PRIMARY KEY,
    tier VARCHAR(16) NOT NULL,
    seats INTEGER NOT NULL,
    CONSTRAINT agent_plan_single_ck CHECK (id = 1),
    CONSTRAINT agent_plan_tier_ck CHECK (tier IN ('FREE', 'PAID')),
    CONSTRAINT agent_plan_seats_ck CHECK (seats > 0)
);

-- New installations start on the free plan (3 seats). One that already has more agents is put on a paid plan with
-- a seat each, so that upgrading takes nobody's access away.
INSERT INTO agent_plan (id, tier, seats)
SELECT 1, CASE WHEN COUNT(*) > 3 THEN 'PAID' ELSE 'FREE' END, GREATEST(3, COUNT(*)) FROM agent_account;

-- Only the SHA-256 of the link's token is stored (hex), like the session secrets. An invitation is pending while
-- accepted_at and revoked_at are NULL and expires_at is in the future; only then does it hold a seat.
CREATE TABLE agent_invitation (
    id VARCHAR(36) PRIMARY KEY,
    email VARCHAR(508) NOT NULL,
    email_key VARCHAR(508) NOT NULL,
    display_name VARCHAR(200),
    access_level VARCHAR(16) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    invited_by VARCHAR(36) REFERENCES agent_account (id) ON DELETE SET NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT agent_invitation_token_uq UNIQUE (token_hash),
    CONSTRAINT agent_invitation_access_level_ck CHECK (access_level IN ('FULL', 'LIMITED'))
);

CREATE INDEX agent_invitation_email ON agent_invitation (email_key);

CREATE INDEX agent_invitation_expiry ON agent_invitation (expires_at);
