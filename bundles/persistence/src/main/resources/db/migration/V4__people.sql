-- Zhicheng schema, version 4: people (applicants) keyed by their ID number, which is stored only encrypted
-- (SM4-GCM) with a keyed hash (HMAC-SM3) for uniqueness and lookup, plus the masked form most roles see.
-- CQ-ORG-5: an ID number is registered once per deployment.

CREATE TABLE person (
    id                VARCHAR(36)              NOT NULL PRIMARY KEY,
    id_type           VARCHAR(16)              NOT NULL,
    id_number_enc     ${text}                  NOT NULL,
    id_number_hash    CHAR(64)                 NOT NULL,
    id_number_masked  VARCHAR(32)              NOT NULL,
    name              VARCHAR(100)             NOT NULL,
    sex               VARCHAR(8),
    birth_date        DATE,
    mobile_enc        ${text},
    mobile_hash       CHAR(64),
    mobile_masked     VARCHAR(20),
    staff_type        VARCHAR(32),
    account_id        VARCHAR(36)              NOT NULL REFERENCES account (id),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version       INTEGER                  NOT NULL
);
CREATE UNIQUE INDEX person_id_number ON person (id_type, id_number_hash);
CREATE UNIQUE INDEX person_account ON person (account_id);

-- CQ-ORG-4, CQ-APP-1: units (and the authorities above them) approve or reject applicants registering under them.
INSERT INTO role_permission (role, permission) VALUES
    ('platform-admin', 'applicant.approve'),
    ('city-reviewer', 'applicant.approve'),
    ('district-reviewer', 'applicant.approve'),
    ('unit-reviewer', 'applicant.approve'),
    ('registration-point', 'applicant.approve');
