-- Zhicheng schema, version 14: the files of applications (GD-PHOTO-2, GD-CERT-3, CQ-APP-4, FJ-3, FJ-5, GD-PHOTO-6).

-- One stored file in an upload slot of an application; row_id names the row of a row slot (CQ-APP-4). The bytes
-- are in blob (sha256, the evidence hash of the FJ-5 match checks); the preview and thumbnail are re-encoded
-- copies without metadata. warnings holds the checks' JSON warnings for reviewers (e.g. an old capture date).
CREATE TABLE application_file (
    id                 VARCHAR(36)              NOT NULL PRIMARY KEY,
    application_id     VARCHAR(36)              NOT NULL REFERENCES application (id),
    slot_id            VARCHAR(64)              NOT NULL,
    row_id             VARCHAR(64),
    file_name          VARCHAR(255)             NOT NULL,
    original_name      VARCHAR(255)             NOT NULL,
    media_type         VARCHAR(100)             NOT NULL,
    size_bytes         BIGINT                   NOT NULL,
    sha256             CHAR(64)                 NOT NULL REFERENCES blob (sha256),
    preview_sha256     CHAR(64)                 REFERENCES blob (sha256),
    thumbnail_sha256   CHAR(64)                 REFERENCES blob (sha256),
    width              INTEGER,
    height             INTEGER,
    pages              INTEGER,
    warnings           ${text},
    uploaded_by        VARCHAR(36)              NOT NULL,
    uploaded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX application_file_slot ON application_file (application_id, slot_id, row_id);
CREATE INDEX application_file_blob ON application_file (sha256);
CREATE INDEX application_file_preview ON application_file (preview_sha256);
CREATE INDEX application_file_thumbnail ON application_file (thumbnail_sha256);

-- Zip downloads of a slot's files of a whole area (GD-PHOTO-6: city and provincial authorities' photo zips named
-- by ID number): the authorities that read their area's applications and manage its accounts. Unit reviewers and
-- title-reform offices open files one application at a time.
INSERT INTO role_permission (role, permission) VALUES
    ('platform-admin', 'media.export'),
    ('province-reviewer', 'media.export'),
    ('city-reviewer', 'media.export'),
    ('district-reviewer', 'media.export'),
    ('view-only-authority', 'media.export'),
    ('exam-region', 'media.export'),
    ('exam-site', 'media.export'),
    ('registration-point', 'media.export');
