package org.zhicheng.identity.internal.auth;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of sign-in and sessions ({@code etc/org.zhicheng.identity.cfg}). */
@ObjectClassDefinition(name = "Zhicheng identity and access")
public @interface IdentitySettings {

    @AttributeDefinition(description = "Consecutive failed logins that lock an account until an administrator"
            + " unlocks it (FJ-7).")
    int maxFailedLogins() default 5;

    @AttributeDefinition(description = "Minutes without a request after which a session ends.")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "Hours after sign-in after which a session ends whatever the activity.")
    int sessionAbsoluteHours() default 12;

    @AttributeDefinition(description = "Argon2id memory in KiB (at least 19456).")
    int argon2MemoryKiB() default 19456;

    @AttributeDefinition(description = "Argon2id passes (at least 2).")
    int argon2Iterations() default 2;

    @AttributeDefinition(description = "Password policy (CQ-ORG-3 by default): the least number of characters.")
    int password_minLength() default 8;

    @AttributeDefinition(description = "Password policy: how many of the 4 classes (upper, lower, digit, symbol).")
    int password_minClasses() default 3;

    @AttributeDefinition(description = "Password policy: refuse passwords in the shipped list of common ones.")
    boolean password_rejectCommon() default true;

    @AttributeDefinition(description = "Password policy: refuse passwords containing the username, ID number or"
            + " birth date.")
    boolean password_rejectPersonal() default true;

    @AttributeDefinition(description = "Platform administrators must set up TOTP two-factor sign-in before doing"
            + " anything else (MLPS 2.0 level 3).")
    boolean totp_requiredForAdministrators() default true;

    @AttributeDefinition(description = "Failed sign-ins on one username after which a captcha is asked (CQ-ORG-3);"
            + " 0 asks always. Unknown usernames are counted alike.")
    int captcha_afterFailures() default 1;

    @AttributeDefinition(description = "Failed sign-ins from one client address after which every sign-in from it"
            + " needs a captcha; 0 asks always.")
    int captcha_addressAfterFailures() default 10;

    @AttributeDefinition(description = "Minutes after the last failure after which a failure counter starts again.")
    int captcha_windowMinutes() default 60;

    @AttributeDefinition(description = "The address people reach the platform at, e.g. https://zc.example.gov.cn;"
            + " recovery links point there. Not taken from requests (a forged Host header would redirect links)."
            + " Empty: password recovery by e-mail is off.")
    String recovery_publicUrl() default "";

    @AttributeDefinition(description = "Minutes a password-recovery link works (GD-PHOTO-7).")
    int recovery_linkMinutes() default 30;

    @AttributeDefinition(description = "Recovery mails per account and hour; further requests are dropped silently.")
    int recovery_perHour() default 3;

    @AttributeDefinition(description = "Name of the personal-data key pair, stored with every ciphertext.")
    String pii_keyId() default "k1";

    @AttributeDefinition(description = "SM4 key for ID and phone numbers: 16 bytes, base64. No default: without it,"
            + " registration of people stays off.")
    String pii_encryptionKey() default "";

    @AttributeDefinition(description = "HMAC-SM3 key for looking up ID and phone numbers: 32 bytes or more, base64.")
    String pii_lookupKey() default "";
}
