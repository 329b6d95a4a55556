-- Zhicheng schema, version 18: electronic title certificates (GD-CERT-1..5).

-- The last number given per business and year (year 0 when the rule does not restart yearly). Incremented in the
-- issuing transaction under the row's lock, so numbers are unique and have no gaps even when issuers work at once.
CREATE TABLE certificate_sequence (
    business_id        VARCHAR(64)              NOT NULL,
    issue_year         INTEGER                  NOT NULL,
    last_value         BIGINT                   NOT NULL,
    PRIMARY KEY (business_id, issue_year)
);

-- An issued certificate: the printed fields as issued (JSON), the photo and the signed PDF as blobs, all frozen at
-- issue (GD-CERT-3). One valid certificate per application; a reissue supersedes the one before (revoked_* then
-- say when and why, superseded_by names the new number).
CREATE TABLE certificate (
    number             VARCHAR(64)              NOT NULL PRIMARY KEY,
    business_id        VARCHAR(64)              NOT NULL,
    content_hash       CHAR(64)                 NOT NULL,
    application_id     VARCHAR(36)              NOT NULL REFERENCES application (id),
    holder_account_id  VARCHAR(36)              NOT NULL,
    title              VARCHAR(200)             NOT NULL,
    fields             ${text}                  NOT NULL,
    photo_sha256       CHAR(64)                 REFERENCES blob (sha256),
    pdf_sha256         CHAR(64)                 NOT NULL REFERENCES blob (sha256),
    status             VARCHAR(16)              NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by          VARCHAR(36)              NOT NULL,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revoked_by         VARCHAR(36),
    revoked_reason     VARCHAR(500),
    superseded_by      VARCHAR(64)
);
CREATE INDEX certificate_application ON certificate (application_id);
CREATE INDEX certificate_holder ON certificate (holder_account_id);

INSERT INTO role_permission (role, permission) VALUES
    ('platform-admin', 'certificate.issue'),
    ('province-reviewer', 'certificate.issue');
