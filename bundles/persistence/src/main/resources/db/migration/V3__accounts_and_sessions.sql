-- Zhicheng schema, version 3: organisations, accounts, roles and permissions as data, and sessions that live
-- in the database so that several nodes share them.

-- Organisations form one tree per deployment. path is '/' followed by the ids from the root down, each
-- followed by '/', so a subtree is "path LIKE '<path>%'" (what every scoped query uses).
CREATE TABLE organisation (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    parent_id    VARCHAR(36)              REFERENCES organisation (id),
    path         VARCHAR(1000)            NOT NULL,
    type         VARCHAR(64)              NOT NULL,
    level        INTEGER                  NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    credit_code  VARCHAR(18),
    region_code  VARCHAR(12),
    status       VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version  INTEGER                  NOT NULL
);
CREATE UNIQUE INDEX organisation_path ON organisation (path);
CREATE INDEX organisation_parent ON organisation (parent_id);

-- username_key is the normalised username (NFKC, lower case), so "Admin", "admin" and full-width "ａｄｍｉｎ"
-- are one account and share one failure counter.
CREATE TABLE account (
    id                    VARCHAR(36)              NOT NULL PRIMARY KEY,
    username              VARCHAR(100)             NOT NULL,
    username_key          VARCHAR(100)             NOT NULL,
    display_name          VARCHAR(100)             NOT NULL,
    organisation_id       VARCHAR(36)              NOT NULL REFERENCES organisation (id),
    password_hash         VARCHAR(200),
    status                VARCHAR(16)              NOT NULL,
    failed_logins         INTEGER                  NOT NULL,
    locked_at             TIMESTAMP WITH TIME ZONE,
    must_change_password  BOOLEAN                  NOT NULL,
    password_changed_at   TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version           INTEGER                  NOT NULL
);
CREATE UNIQUE INDEX account_username_key ON account (username_key);
CREATE INDEX account_organisation ON account (organisation_id);

CREATE TABLE account_role (
    account_id  VARCHAR(36) NOT NULL REFERENCES account (id),
    role        VARCHAR(64) NOT NULL,
    PRIMARY KEY (account_id, role)
);

-- Permissions are data (FJ-8 is the reference table); the platform seeds its own and provinces may add rows.
CREATE TABLE role_permission (
    role        VARCHAR(64) NOT NULL,
    permission  VARCHAR(64) NOT NULL,
    PRIMARY KEY (role, permission)
);

-- A session is found by the SHA-256 of its cookie value, so a copy of this table opens no session.
CREATE TABLE web_session (
    token_hash    CHAR(64)                 NOT NULL PRIMARY KEY,
    account_id    VARCHAR(36)              NOT NULL REFERENCES account (id),
    csrf_token    VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    client_ip     VARCHAR(45)
);
CREATE INDEX web_session_account ON web_session (account_id);
CREATE INDEX web_session_expiry ON web_session (expires_at);

INSERT INTO role_permission (role, permission) VALUES
    ('platform-admin', 'organisation.read'),
    ('platform-admin', 'organisation.manage'),
    ('platform-admin', 'account.read'),
    ('platform-admin', 'account.manage'),
    ('platform-admin', 'account.unlock'),
    ('platform-admin', 'audit.read'),
    ('platform-admin', 'audit.verify'),
    ('platform-admin', 'permission.manage'),
    ('province-reviewer', 'organisation.read'),
    ('province-reviewer', 'account.read'),
    ('city-reviewer', 'organisation.read'),
    ('city-reviewer', 'account.read'),
    ('city-reviewer', 'account.manage'),
    ('district-reviewer', 'organisation.read'),
    ('district-reviewer', 'account.read'),
    ('district-reviewer', 'account.manage'),
    ('title-reform-office', 'organisation.read'),
    ('unit-reviewer', 'organisation.read'),
    ('unit-reviewer', 'account.read'),
    ('view-only-authority', 'organisation.read'),
    ('exam-region', 'organisation.read'),
    ('exam-region', 'organisation.manage'),
    ('exam-region', 'account.read'),
    ('exam-region', 'account.manage'),
    ('exam-region', 'account.unlock'),
    ('exam-site', 'organisation.read'),
    ('exam-site', 'organisation.manage'),
    ('exam-site', 'account.read'),
    ('exam-site', 'account.manage'),
    ('registration-point', 'organisation.read'),
    ('registration-point', 'organisation.manage'),
    ('registration-point', 'account.read'),
    ('registration-point', 'account.manage');
