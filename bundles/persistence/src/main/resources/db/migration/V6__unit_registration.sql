-- Zhicheng schema, version 6: CQ-ORG-2, a unit registers under an approved parent, which approves or rejects it.
INSERT INTO role_permission (role, permission) VALUES
    ('platform-admin', 'unit.approve'),
    ('city-reviewer', 'unit.approve'),
    ('district-reviewer', 'unit.approve'),
    ('exam-region', 'unit.approve'),
    ('exam-site', 'unit.approve'),
    ('registration-point', 'unit.approve');
