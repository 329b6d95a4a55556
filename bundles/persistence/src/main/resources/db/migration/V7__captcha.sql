-- Zhicheng schema, version 7: a captcha on sign-in after failures (CQ-ORG-3).
-- Failures are counted per username key and per client address, for unknown usernames as well, so whether a
-- captcha is asked tells nothing about whether an account exists. A row is locked for the length of an attempt.
CREATE TABLE login_throttle (
    subject          VARCHAR(150)             NOT NULL PRIMARY KEY,
    failures         INTEGER                  NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A captcha is found by the SHA-256 of its id; only the SHA-256 of its answer is kept, and it is used once.
CREATE TABLE captcha (
    id_hash      CHAR(64)                 NOT NULL PRIMARY KEY,
    answer_hash  CHAR(64)                 NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX captcha_expiry ON captcha (expires_at);
CREATE INDEX login_throttle_age ON login_throttle (last_failure_at);
