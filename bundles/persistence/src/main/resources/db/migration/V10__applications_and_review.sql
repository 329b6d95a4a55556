-- Zhicheng schema, version 10: applications, the review chain computed at submission, and their history
-- (GD-PHOTO-1/4/5, GD-TITLE-6, CQ-APP-5/6, CQ-REV-1..3, FJ-4..6, FJ-10).

-- Attributes routing reads from organisations, e.g. hasTitleReformOffice (CQ-ORG-4), registrationPoint and
-- examSite (FJ-4). Text values; a condition compares them as text.
CREATE TABLE organisation_attribute (
    organisation_id  VARCHAR(36)  NOT NULL REFERENCES organisation (id),
    name             VARCHAR(64)  NOT NULL,
    text_value       VARCHAR(200) NOT NULL,
    PRIMARY KEY (organisation_id, name)
);

-- One application of one applicant to one business, pinned to the descriptor (by content hash) it began under.
-- organisation_path is the applicant unit's path at creation: every query of a reviewer or authority is scoped
-- by it. answers is the form's JSON.
CREATE TABLE application (
    id                    VARCHAR(36)              NOT NULL PRIMARY KEY,
    business_id           VARCHAR(64)              NOT NULL,
    business_version      VARCHAR(32)              NOT NULL,
    content_hash          CHAR(64)                 NOT NULL,
    season_id             VARCHAR(64)              NOT NULL,
    applicant_account_id  VARCHAR(36)              NOT NULL REFERENCES account (id),
    organisation_id       VARCHAR(36)              NOT NULL REFERENCES organisation (id),
    organisation_path     VARCHAR(1000)            NOT NULL,
    status                VARCHAR(16)              NOT NULL,
    answers               ${text}                  NOT NULL,
    route_id              VARCHAR(64),
    submission            INTEGER                  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at          TIMESTAMP WITH TIME ZONE,
    decided_at            TIMESTAMP WITH TIME ZONE,
    row_version           INTEGER                  NOT NULL
);
CREATE INDEX application_applicant ON application (applicant_account_id, business_id, season_id);
CREATE INDEX application_scope ON application (organisation_path);
CREATE INDEX application_business ON application (business_id, season_id, status);

-- The chain of one submission: one row per step, in order. The step waiting for a reviewer is 'pending'; a
-- reviewer's queue is the pending steps of its organisation. task_id names the step to the API. A row of kind
-- 'gate' holds the application at a submit-all gate (GD-PHOTO-5, CQ-REV-3) until its organisation submits all.
CREATE TABLE review_task (
    task_id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    application_id     VARCHAR(36)              NOT NULL REFERENCES application (id),
    submission         INTEGER                  NOT NULL,
    position           INTEGER                  NOT NULL,
    step_id            VARCHAR(64)              NOT NULL,
    kind               VARCHAR(8)               NOT NULL,
    organisation_id    VARCHAR(36)              NOT NULL REFERENCES organisation (id),
    role               VARCHAR(64)              NOT NULL,
    status             VARCHAR(16)              NOT NULL,
    action             VARCHAR(32),
    opinion            ${text},
    reason_code        VARCHAR(64),
    acted_by           VARCHAR(36),
    acted_at           TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX review_task_position ON review_task (application_id, submission, position);
CREATE INDEX review_task_queue ON review_task (organisation_id, status);

-- Everything that happened to an application, for the applicant's tracking (GD-TITLE-6) and the reviewers.
CREATE TABLE application_event (
    application_id      VARCHAR(36)              NOT NULL REFERENCES application (id),
    seq                 INTEGER                  NOT NULL,
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_account_id    VARCHAR(36),
    actor_organisation  VARCHAR(36),
    action              VARCHAR(32)              NOT NULL,
    step_id             VARCHAR(64),
    from_status         VARCHAR(16),
    to_status           VARCHAR(16)              NOT NULL,
    comment             ${text},
    reason_code         VARCHAR(64),
    PRIMARY KEY (application_id, seq)
);

-- The people who may start an application of a business with eligibility "roster" in a season: the published
-- list of those who passed (GD-PHOTO-1).
CREATE TABLE business_roster (
    business_id  VARCHAR(64)              NOT NULL,
    season_id    VARCHAR(64)              NOT NULL,
    account_id   VARCHAR(36)              NOT NULL REFERENCES account (id),
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (business_id, season_id, account_id)
);

-- own.* permissions concern only the holder's own data, so granting them escalates nobody.
INSERT INTO role_permission (role, permission) VALUES
    ('applicant', 'own.apply'),
    ('platform-admin', 'review.act'),
    ('province-reviewer', 'review.act'),
    ('city-reviewer', 'review.act'),
    ('district-reviewer', 'review.act'),
    ('title-reform-office', 'review.act'),
    ('unit-reviewer', 'review.act'),
    ('exam-region', 'review.act'),
    ('exam-site', 'review.act'),
    ('registration-point', 'review.act'),
    ('platform-admin', 'application.read'),
    ('province-reviewer', 'application.read'),
    ('city-reviewer', 'application.read'),
    ('district-reviewer', 'application.read'),
    ('title-reform-office', 'application.read'),
    ('unit-reviewer', 'application.read'),
    ('view-only-authority', 'application.read'),
    ('exam-region', 'application.read'),
    ('exam-site', 'application.read'),
    ('registration-point', 'application.read');
