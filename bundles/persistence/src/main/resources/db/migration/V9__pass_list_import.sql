-- Zhicheng schema, version 9: importing published pass lists (GD-PHOTO-1) is a permission of the authorities that
-- publish them and of the platform administrator.
INSERT INTO role_permission (role, permission) VALUES
    ('platform-admin', 'applicant.import'),
    ('province-reviewer', 'applicant.import'),
    ('city-reviewer', 'applicant.import'),
    ('district-reviewer', 'applicant.import'),
    ('exam-region', 'applicant.import');
