-- Zhicheng schema, version 1: the business descriptor store and the blob store.
-- One migration set for H2 (embedded default, MODE=PostgreSQL) and PostgreSQL; ${binary} and ${text} are
-- Flyway placeholders filled per database by SchemaMigration.

-- Every business descriptor ever registered, by the SHA-256 of its bytes, so that applications stay pinned to
-- the version they began under.
CREATE TABLE business_descriptor (
    content_hash      CHAR(64)                 NOT NULL PRIMARY KEY,
    business_id       VARCHAR(64)              NOT NULL,
    version           VARCHAR(32)              NOT NULL,
    bundle            VARCHAR(300)             NOT NULL,
    descriptor_json   ${text}                  NOT NULL,
    first_registered  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_registered   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX business_descriptor_business ON business_descriptor (business_id, first_registered);

-- Content-addressed bytes (uploads, generated documents, frozen photos).
CREATE TABLE blob (
    sha256      CHAR(64)                 NOT NULL PRIMARY KEY,
    size_bytes  BIGINT                   NOT NULL,
    content     ${binary}                NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
