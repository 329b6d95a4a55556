-- Zhicheng schema, version 8: profiles with e-mail (FJ-7: completed at first sign-in), password recovery by a
-- one-time e-mail link (GD-PHOTO-7), and the notification outbox that carries such mails.

ALTER TABLE account ADD COLUMN email VARCHAR(254);
-- Lower-cased, for finding the accounts of an address.
ALTER TABLE account ADD COLUMN email_key VARCHAR(254);
ALTER TABLE account ADD COLUMN profile_completed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX account_email_key ON account (email_key);

-- A recovery link's token is stored only as its SHA-256; used or not, it dies after its lifetime.
CREATE TABLE password_recovery (
    token_hash  CHAR(64)                 NOT NULL PRIMARY KEY,
    account_id  VARCHAR(36)              NOT NULL REFERENCES account (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    client_ip   VARCHAR(45)
);
CREATE INDEX password_recovery_account ON password_recovery (account_id);

-- Messages are queued in the transaction that causes them and delivered by any node (FOR UPDATE SKIP LOCKED).
-- Once delivered the body is emptied: it may hold a one-time link.
CREATE TABLE notification_outbox (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    channel          VARCHAR(16)              NOT NULL,
    recipient        VARCHAR(254)             NOT NULL,
    subject          VARCHAR(300)             NOT NULL,
    body             ${text}                  NOT NULL,
    purpose          VARCHAR(64)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500)
);
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);

-- Authorities read the audit log of their own subtree (GD-CERT-5: access is supervised level by level; FJ-7).
INSERT INTO role_permission (role, permission) VALUES
    ('province-reviewer', 'audit.read'),
    ('city-reviewer', 'audit.read'),
    ('district-reviewer', 'audit.read'),
    ('exam-region', 'audit.read');
