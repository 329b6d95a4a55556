-- Zhicheng schema, version 13: notifications beyond e-mail (FJ-5: the candidate is notified of a return by SMS,
-- reviewers see a pop-up reminder). SMS are queued by account and the number is looked up only when sending, so
-- the outbox never holds a plain mobile number; in-app messages go straight into each account's inbox.

-- The account an SMS is for. recipient holds 'account:<id>' until the number is looked up, then its masked form.
ALTER TABLE notification_outbox ADD COLUMN recipient_account_id VARCHAR(36);

-- In-app messages (the web application shows the unread ones as a pop-up). Written in the transaction that
-- causes them; read only by their own account.
CREATE TABLE notification_inbox (
    id          VARCHAR(36)              NOT NULL PRIMARY KEY,
    account_id  VARCHAR(36)              NOT NULL REFERENCES account (id),
    subject     VARCHAR(300)             NOT NULL,
    body        ${text}                  NOT NULL,
    purpose     VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_inbox_account ON notification_inbox (account_id, created_at);

-- At most one review reminder per account and day (Asia/Shanghai), whichever node writes it first: the primary key
-- decides, not any node's memory.
CREATE TABLE review_reminder (
    account_id   VARCHAR(36)              NOT NULL REFERENCES account (id),
    reminded_on  DATE                     NOT NULL,
    task_count   INTEGER                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, reminded_on)
);

-- Operators see failed and waiting messages (never their bodies) and queue a failed one again.
INSERT INTO role_permission (role, permission) VALUES
    ('platform-admin', 'notification.admin');
