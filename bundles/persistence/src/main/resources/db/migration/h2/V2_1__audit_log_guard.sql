-- H2 (the embedded evaluation database): no trigger without Java code inside the database. The audit log is
-- protected by the hash chain, which verification checks, and by the file permissions of data/. Production
-- runs on PostgreSQL, where V2_1 makes the table append-only in the database itself.
SELECT 1;
