-- Zhicheng schema, version 2: the audit log (FJ-7: every account and approval action is logged and kept
-- forever). Each entry carries the SHA-256 of its predecessor's hash and its own content, so a changed,
-- removed or reordered entry breaks the chain and verification names it.

CREATE TABLE audit_event (
    seq              BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    action           VARCHAR(64)              NOT NULL,
    actor_account    VARCHAR(64),
    actor_org        VARCHAR(64),
    actor_role       VARCHAR(64),
    actor_ip         VARCHAR(45),
    object_type      VARCHAR(64),
    object_id        VARCHAR(128),
    before_json      ${text},
    after_json       ${text},
    detail           ${text},
    prev_hash        CHAR(64)                 NOT NULL,
    hash             CHAR(64)                 NOT NULL
);
CREATE INDEX audit_event_actor ON audit_event (actor_account, seq);
CREATE INDEX audit_event_org ON audit_event (actor_org, seq);
CREATE INDEX audit_event_object ON audit_event (object_type, object_id, seq);
CREATE INDEX audit_event_time ON audit_event (occurred_at);

-- The head of the chain: one row, locked by every append so that entries get consecutive numbers and each
-- links to the one before, across every node sharing the database.
CREATE TABLE audit_head (
    id        INTEGER  NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
