package org.zhicheng.identity.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Captchas.Captcha;
import org.zhicheng.identity.internal.auth.DatabaseAuthenticationTest.Fixture;
import org.zhicheng.identity.internal.captcha.CaptchaImage;
import org.zhicheng.identity.internal.captcha.DatabaseCaptchas;
import org.zhicheng.identity.internal.captcha.LoginThrottle;
import org.zhicheng.persistence.internal.TestDatabases;

/** CQ-ORG-3: sign-in asks for a captcha after failures, per username (known or not) and per client address. */
class CaptchaSignInTest {

    static final String PASSWORD = DatabaseAuthenticationTest.PASSWORD;
    static final String IP = "10.2.2.2";

    /** Answers 10000, 10001, … so that the test knows them. */
    record Setup(Fixture f, DatabaseCaptchas captchas, AtomicInteger next) implements AutoCloseable {
        String answerOfLast() {
            return String.valueOf(next.get() - 1);
        }

        @Override
        public void close() throws Exception {
            f.close();
        }
    }

    static Setup setup(TestDatabases.Factory factory) throws Exception {
        Fixture f = DatabaseAuthenticationTest.fixture(factory);
        f.auth().withCaptcha(new LoginThrottle(1, 3, Duration.ofMinutes(60)));
        AtomicInteger next = new AtomicInteger(10000);
        return new Setup(f, new DatabaseCaptchas(f.db().dataSource(), f.clock(),
                () -> String.valueOf(next.getAndIncrement())), next);
    }

    static Reason refusal(Object result) {
        return assertInstanceOf(Refused.class, result).reason();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void afterAFailureTheRightPasswordAloneIsNotEnough(TestDatabases.Factory factory) throws Exception {
        try (Setup s = setup(factory)) {
            var auth = s.f().auth();
            assertFalse(auth.captchaRequired("zhang.wei", IP));
            assertEquals(Reason.BAD_CREDENTIALS, refusal(auth.login("zhang.wei", "wrong", IP)));
            assertTrue(auth.captchaRequired("ZHANG.WEI", IP), "case variants share the counter");
            assertEquals(Reason.CAPTCHA_REQUIRED, refusal(auth.login("zhang.wei", PASSWORD, IP)));
            assertEquals(1, DatabaseAuthenticationTest.failedLogins(s.f()), "a refused captcha checks no password");

            Captcha wrong = s.captchas().issue();
            assertEquals(Reason.CAPTCHA_REQUIRED, refusal(auth.login("zhang.wei", PASSWORD, wrong.id(), "99999", IP)));
            assertEquals(Reason.CAPTCHA_REQUIRED, refusal(auth.login("zhang.wei", PASSWORD, wrong.id(),
                    s.answerOfLast(), IP)), "a captcha is used up by its first attempt, even a wrong one");

            Captcha right = s.captchas().issue();
            String fullWidth = s.answerOfLast().chars().mapToObj(ch -> String.valueOf((char) (ch - '0' + '０')))
                    .reduce("", String::concat);
            assertInstanceOf(SignedIn.class, auth.login("zhang.wei", PASSWORD, right.id(), " " + fullWidth, IP));
            assertFalse(auth.captchaRequired("zhang.wei", IP), "a complete sign-in starts the username afresh");
            assertTrue(DatabaseAuthenticationTest.actions(s.f()).contains("login.refused-captcha"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void unknownUsernamesAreCountedLikeKnownOnes(TestDatabases.Factory factory) throws Exception {
        try (Setup s = setup(factory)) {
            var auth = s.f().auth();
            assertEquals(Reason.BAD_CREDENTIALS, refusal(auth.login("nobody.here", "wrong", IP)));
            assertTrue(auth.captchaRequired("nobody.here", IP));
            assertEquals(Reason.CAPTCHA_REQUIRED, refusal(auth.login("nobody.here", "wrong", IP)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void manyUsernamesFromOneAddressNeedACaptchaThere(TestDatabases.Factory factory) throws Exception {
        try (Setup s = setup(factory)) {
            var auth = s.f().auth();
            for (String name : new String[] {"a1", "a2", "a3"}) {
                assertEquals(Reason.BAD_CREDENTIALS, refusal(auth.login(name, "wrong", IP)));
            }
            assertTrue(auth.captchaRequired("zhang.wei", IP), "the address crossed its limit");
            assertFalse(auth.captchaRequired("zhang.wei", "10.9.9.9"), "other addresses are not affected");
            assertInstanceOf(SignedIn.class, auth.login("zhang.wei", PASSWORD, "10.9.9.9"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void captchasExpireAndCountersForget(TestDatabases.Factory factory) throws Exception {
        try (Setup s = setup(factory)) {
            var auth = s.f().auth();
            assertEquals(Reason.BAD_CREDENTIALS, refusal(auth.login("zhang.wei", "wrong", IP)));
            Captcha old = s.captchas().issue();
            s.f().clock().advance(Duration.ofMinutes(6));
            assertEquals(Reason.CAPTCHA_REQUIRED, refusal(auth.login("zhang.wei", PASSWORD, old.id(),
                    s.answerOfLast(), IP)), "a captcha lives 5 minutes");
            s.f().clock().advance(Duration.ofMinutes(55));
            assertFalse(auth.captchaRequired("zhang.wei", IP), "an hour without failures forgets them");
            assertInstanceOf(SignedIn.class, auth.login("zhang.wei", PASSWORD, IP));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void zeroAsksAlways(TestDatabases.Factory factory) throws Exception {
        try (Setup s = setup(factory)) {
            s.f().auth().withCaptcha(new LoginThrottle(0, 10, Duration.ofMinutes(60)));
            assertEquals(Reason.CAPTCHA_REQUIRED, refusal(s.f().auth().login("zhang.wei", PASSWORD, IP)));
            Captcha c = s.captchas().issue();
            assertInstanceOf(SignedIn.class, s.f().auth().login("zhang.wei", PASSWORD, c.id(), s.answerOfLast(), IP));
        }
    }

    @Test
    void imagesArePngsThatDifferEachTime() throws Exception {
        byte[] first = CaptchaImage.png("12345", new Random(1));
        byte[] second = CaptchaImage.png("12345", new Random(2));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first));
        assertEquals(CaptchaImage.WIDTH, image.getWidth());
        assertEquals(CaptchaImage.HEIGHT, image.getHeight());
        assertNotEquals(Arrays.hashCode(first), Arrays.hashCode(second));
        assertThrows(IllegalArgumentException.class, () -> CaptchaImage.png("12a45", new Random(1)));
    }
}
