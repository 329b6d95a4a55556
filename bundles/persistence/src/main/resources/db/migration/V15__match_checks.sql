-- Zhicheng schema, version 15: "matches the original" checks of uploaded evidence (FJ-5).

-- One reviewer's verdict, at one step, on one slot's files (of one row, for a row slot; row_key '' otherwise),
-- as they were: evidence_hash covers the files' SHA-256 and the answers they evidence. After a resubmission only
-- evidence whose hash changed needs checking again; the verdicts on the old evidence stay as history.
CREATE TABLE match_check (
    application_id     VARCHAR(36)              NOT NULL REFERENCES application (id),
    step_id            VARCHAR(64)              NOT NULL,
    slot_id            VARCHAR(64)              NOT NULL,
    row_key            VARCHAR(64)              NOT NULL,
    evidence_hash      CHAR(64)                 NOT NULL,
    matches            BOOLEAN                  NOT NULL,
    note               VARCHAR(500),
    checked_by         VARCHAR(36)              NOT NULL,
    checked_by_org     VARCHAR(36)              NOT NULL,
    checked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, step_id, slot_id, row_key, evidence_hash)
);
