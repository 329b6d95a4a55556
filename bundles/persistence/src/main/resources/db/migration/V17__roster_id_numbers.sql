-- Zhicheng schema, version 17: who sees ID numbers in full in exported rosters (CQ-REV-4, FJ-8).

-- Authorities and the exam organisations that process candidates see the full number; a unit's reviewers, observers
-- and view-only authorities see it masked (440106********123X), as they identify their own people by name.
INSERT INTO role_permission (role, permission) VALUES
    ('platform-admin', 'person.id-number'),
    ('province-reviewer', 'person.id-number'),
    ('city-reviewer', 'person.id-number'),
    ('district-reviewer', 'person.id-number'),
    ('title-reform-office', 'person.id-number'),
    ('exam-region', 'person.id-number'),
    ('exam-site', 'person.id-number'),
    ('registration-point', 'person.id-number');
