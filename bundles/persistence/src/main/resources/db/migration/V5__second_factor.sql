-- Zhicheng schema, version 5: TOTP two-factor sign-in (MLPS 2.0 level 3: required for administrators by default).
-- The TOTP secret is stored only encrypted (SM4-GCM, like ID numbers); totp_last_step refuses a code used twice.

ALTER TABLE account ADD COLUMN totp_secret_enc ${text};
ALTER TABLE account ADD COLUMN totp_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;

-- Between the password and the code: a short-lived challenge, found by the SHA-256 of its token.
CREATE TABLE login_challenge (
    token_hash  CHAR(64)                 NOT NULL PRIMARY KEY,
    account_id  VARCHAR(36)              NOT NULL REFERENCES account (id),
    client_ip   VARCHAR(45),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts    INTEGER                  NOT NULL
);
CREATE INDEX login_challenge_account ON login_challenge (account_id);
