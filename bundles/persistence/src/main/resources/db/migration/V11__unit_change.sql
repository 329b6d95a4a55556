-- Zhicheng schema, version 11: change of personnel-management unit (GD-TITLE-7). The applicant picks the new
-- unit; only the new unit decides; allowed only while the applicant has no open application.
CREATE TABLE unit_change (
    id             VARCHAR(36)              NOT NULL PRIMARY KEY,
    account_id     VARCHAR(36)              NOT NULL REFERENCES account (id),
    from_unit_id   VARCHAR(36)              NOT NULL REFERENCES organisation (id),
    to_unit_id     VARCHAR(36)              NOT NULL REFERENCES organisation (id),
    status         VARCHAR(16)              NOT NULL,
    reason         VARCHAR(500),
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE,
    decided_by     VARCHAR(36)
);
CREATE INDEX unit_change_to ON unit_change (to_unit_id, status);
CREATE INDEX unit_change_account ON unit_change (account_id, status);
