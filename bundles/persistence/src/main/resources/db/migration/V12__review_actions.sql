-- Zhicheng schema, version 12: the reviewer actions besides deciding (CQ-REV-2 recommendation opinions and
-- public notice, FJ-8 cross-review assignment). Corrections and rows marked deleted change the answers and are
-- kept in the history and the audit log with their before and after values.

-- This level's recommendation opinion (text, signer, date), printed in its box of the review form (CQ-REV-2).
-- One per task; entering it again while the task is pending replaces it.
CREATE TABLE review_recommendation (
    task_id         VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES review_task (task_id),
    application_id  VARCHAR(36)              NOT NULL REFERENCES application (id),
    opinion         VARCHAR(500)             NOT NULL,
    signer          VARCHAR(50),
    signed_on       DATE,
    entered_by      VARCHAR(36)              NOT NULL,
    entered_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX review_recommendation_application ON review_recommendation (application_id);

-- The public-notice period and its result for an applicant at a step (CQ-REV-2; CQ-DOC-2 flags the rows of the
-- public-notice table). The result is entered when the period is over; until then it is null.
CREATE TABLE public_notice (
    task_id         VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES review_task (task_id),
    application_id  VARCHAR(36)              NOT NULL REFERENCES application (id),
    starts_on       DATE                     NOT NULL,
    ends_on         DATE                     NOT NULL,
    result          VARCHAR(500),
    entered_by      VARCHAR(36)              NOT NULL,
    entered_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX public_notice_application ON public_notice (application_id);

-- Cross review (FJ-8 分配交叉审核): a task reassigned to another organisation keeps the one the route chose.
ALTER TABLE review_task ADD COLUMN routed_organisation_id VARCHAR(36);

-- The exam region and exam sites assign cross review (FJ-8 table, row 14).
INSERT INTO role_permission (role, permission) VALUES
    ('exam-region', 'review.assign'),
    ('exam-site', 'review.assign'),
    ('platform-admin', 'review.assign');
