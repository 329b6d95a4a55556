package org.zhicheng.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sign-in against the running distribution: the first administrator's one-time password (FJ-9), the session
 * cookie, CSRF, sign-out, and lockout after five failures (FJ-7). Used by {@link DistributionContract}.
 */
public final class SignInContract {

    private final KarafDistribution karaf;

    public SignInContract(KarafDistribution karaf) {
        this.karaf = karaf;
    }

    /** The first administrator's username and one-time password, written once at first start. */
    Map<String, String> firstStartCredentials() throws Exception {
        Path file = karaf.home().resolve("data/zhicheng/first-start-credentials.txt");
        Map<String, String> credentials = new java.util.HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#") && line.contains("=")) {
                credentials.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return credentials;
    }

    HttpResponse<String> login(String username, String password) throws Exception {
        return karaf.send("POST", "/api/v1/auth/login",
                "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}", Map.of());
    }

    void signInSessionAndSignOut() throws Exception {
        Map<String, String> admin = firstStartCredentials();
        assertFalse(karaf.logTail().contains(admin.get("password")), "the one-time password is never logged");

        HttpResponse<String> in = login(admin.get("username"), admin.get("password"));
        assertEquals(200, in.statusCode(), in.body());
        String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("ZC_SESSION=") && setCookie.contains("HttpOnly")
                && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = cookie(in);
        JsonNode body = Json.parse(in.body());
        assertTrue(body.get("mustChangePassword").asBoolean(), "a one-time password must be changed");
        assertTrue(body.get("roles").toString().contains("platform-admin"));
        String csrf = body.get("csrfToken").asText();

        JsonNode me = Json.parse(karaf.get("/api/v1/auth/me", Map.of("Cookie", cookie)).body());
        assertEquals("admin", me.at("/user/username").asText());

        HttpResponse<String> noToken = karaf.send("POST", "/api/v1/auth/logout", null, Map.of("Cookie", cookie));
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("csrf-token-missing"), noToken.body());
        HttpResponse<String> badToken = karaf.send("POST", "/api/v1/auth/logout", null,
                Map.of("Cookie", cookie, "X-CSRF-Token", csrf + "x"));
        assertTrue(badToken.body().contains("csrf-token-invalid"), badToken.body());

        HttpResponse<String> out = karaf.send("POST", "/api/v1/auth/logout", null,
                Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
        assertEquals(204, out.statusCode(), out.body());
        HttpResponse<String> after = karaf.get("/api/v1/auth/me", Map.of("Cookie", cookie));
        assertEquals(401, after.statusCode());
        assertTrue(after.body().contains("session-expired"), after.body());
        assertEquals(401, karaf.get("/api/v1/auth/me").statusCode());
    }

    /** The administrator's sign-in once TOTP is on (kept: codes cannot be reused within 30 s). */
    public HttpResponse<String> signedIn;

    /** The new password the administrator chooses in {@link #oneTimePasswordMustBeChangedFirst()}. */
    static final String NEW_ADMIN_PASSWORD = "Zc-2026#Review!Strong";
    /** The administrator's e-mail, given when it completes its profile. */
    static final String ADMIN_EMAIL = "platform.admin@zhicheng.test";

    public void oneTimePasswordMustBeChangedFirst() throws Exception {
        Map<String, String> admin = firstStartCredentials();
        HttpResponse<String> in = login(admin.get("username"), admin.get("password"));
        String cookie = cookie(in);
        String csrf = Json.parse(in.body()).get("csrfToken").asText();
        Map<String, String> session = Map.of("Cookie", cookie, "X-CSRF-Token", csrf);

        HttpResponse<String> blocked = karaf.get("/api/v1/audit/verification", Map.of("Cookie", cookie));
        assertEquals(403, blocked.statusCode());
        assertTrue(blocked.body().contains("password-change-required"), blocked.body());

        HttpResponse<String> weak = karaf.send("POST", "/api/v1/auth/password",
                "{\"currentPassword\":" + quote(admin.get("password")) + ",\"newPassword\":\"abc\"}", session);
        assertEquals(400, weak.statusCode());
        JsonNode problem = Json.parse(weak.body());
        assertTrue(problem.get("type").asText().endsWith("/weak-password"), weak.body());
        assertTrue(problem.get("errors").size() >= 2, "each failed rule is named: " + weak.body());

        HttpResponse<String> changed = karaf.send("POST", "/api/v1/auth/password", "{\"currentPassword\":"
                + quote(admin.get("password")) + ",\"newPassword\":" + quote(NEW_ADMIN_PASSWORD) + "}", session);
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(401, karaf.get("/api/v1/auth/me", Map.of("Cookie", cookie)).statusCode(), "signed out");
        assertEquals(401, login(admin.get("username"), admin.get("password")).statusCode(), "one-time means once");

        HttpResponse<String> again = login(admin.get("username"), NEW_ADMIN_PASSWORD);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(Json.parse(again.body()).get("mustEnrollSecondFactor").asBoolean(), "administrators need TOTP");
        String enrolling = cookie(again);
        Map<String, String> enrollingSession = Map.of("Cookie", enrolling, "X-CSRF-Token",
                Json.parse(again.body()).get("csrfToken").asText());
        HttpResponse<String> noTotp = karaf.get("/api/v1/audit/verification", Map.of("Cookie", enrolling));
        assertEquals(403, noTotp.statusCode());
        assertTrue(noTotp.body().contains("second-factor-required"), noTotp.body());
        JsonNode enrollment = Json.parse(karaf.send("POST", "/api/v1/auth/second-factor", null, enrollingSession).body());
        assertTrue(enrollment.get("otpauthUri").asText().startsWith("otpauth://totp/Zhicheng:admin?secret="));
        AuthenticatorApp app = new AuthenticatorApp(enrollment.get("secret").asText());
        java.time.Instant now = java.time.Instant.now();
        assertEquals(204, karaf.send("POST", "/api/v1/auth/second-factor/confirm",
                "{\"code\":\"" + app.code(now) + "\"}", enrollingSession).statusCode());

        // Every sign-in from now on: the password, then a fresh code.
        HttpResponse<String> first = login(admin.get("username"), NEW_ADMIN_PASSWORD);
        JsonNode step = Json.parse(first.body());
        assertTrue(step.get("secondFactorRequired").asBoolean(), first.body());
        assertTrue(first.headers().firstValue("Set-Cookie").isEmpty(), "no session before the code");
        HttpResponse<String> reused = karaf.send("POST", "/api/v1/auth/login/second-factor", "{\"challenge\":\""
                + step.get("challenge").asText() + "\",\"code\":\"" + app.code(now) + "\"}", Map.of());
        assertEquals(401, reused.statusCode(), "the code of the setup cannot be used again");
        HttpResponse<String> second = karaf.send("POST", "/api/v1/auth/login/second-factor", "{\"challenge\":\""
                + step.get("challenge").asText() + "\",\"code\":\"" + app.code(now.plusSeconds(30)) + "\"}", Map.of());
        assertEquals(200, second.statusCode(), second.body());
        signedIn = second;
        String newCookie = cookie(second);
        Map<String, String> newSession = Map.of("Cookie", newCookie, "X-CSRF-Token",
                Json.parse(second.body()).get("csrfToken").asText());
        // FJ-7: then the profile, before any permission applies.
        assertTrue(Json.parse(second.body()).get("mustCompleteProfile").asBoolean(), second.body());
        HttpResponse<String> noProfile = karaf.get("/api/v1/audit/verification", Map.of("Cookie", newCookie));
        assertEquals(403, noProfile.statusCode());
        assertTrue(noProfile.body().contains("profile-incomplete"), noProfile.body());
        HttpResponse<String> badEmail = karaf.send("PUT", "/api/v1/auth/profile",
                "{\"displayName\":\"平台管理员\",\"email\":\"admin@\"}", newSession);
        assertEquals(400, badEmail.statusCode());
        assertTrue(badEmail.body().contains("email.invalid"), badEmail.body());
        assertEquals(204, karaf.send("PUT", "/api/v1/auth/profile",
                "{\"displayName\":\"平台管理员\",\"email\":\"" + ADMIN_EMAIL + "\"}", newSession).statusCode());
        JsonNode verification = Json.parse(karaf.get("/api/v1/audit/verification", Map.of("Cookie", newCookie)).body());
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
        assertTrue(verification.get("entriesChecked").asLong() >= 5);
        JsonNode logins = Json.parse(karaf.get("/api/v1/audit/events?action=login.&limit=1000",
                Map.of("Cookie", newCookie)).body()).get("entries");
        assertTrue(logins.size() >= 3, logins.toString());
        assertFalse(logins.toString().contains(NEW_ADMIN_PASSWORD), "no password in the audit log");
        assertEquals(400, karaf.get("/api/v1/audit/events?limit=0", Map.of("Cookie", newCookie)).statusCode());
        HttpResponse<String> csv = karaf.get("/api/v1/audit/events.csv?action=login.", Map.of("Cookie", newCookie));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFFseq,at,action,"), "a BOM for Excel, then the header");
        assertEquals(logins.size() + 1, csv.body().lines().count(), "one line per entry plus the header");
        assertEquals(401, karaf.get("/api/v1/audit/verification").statusCode(), "not without signing in");
    }

    void wrongPasswordsLockTheAccount() throws Exception {
        Map<String, String> admin = firstStartCredentials();
        HttpResponse<String> unknown = login("no-such-user", "whatever");
        assertEquals(401, unknown.statusCode());
        assertTrue(Json.parse(unknown.body()).get("title").asText().contains("用户名或密码错误"));
        assertEquals(400, login("", "").statusCode());
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> wrong = login("ADMIN", "wrong-" + i);
            assertEquals(401, wrong.statusCode(), "attempt " + i);
            assertEquals(unknown.body().replace("no-such-user", "ADMIN"), wrong.body(),
                    "a wrong password answers exactly like an unknown user");
        }
        HttpResponse<String> fifth = login("admin", "wrong-5");
        assertEquals(423, fifth.statusCode(), fifth.body());
        assertEquals(423, login(admin.get("username"), NEW_ADMIN_PASSWORD).statusCode(),
                "locked until an administrator unlocks it");
    }

    /** CQ-ORG-3, switched on at runtime through etc/org.zhicheng.identity.cfg as an operator would. */
    void captchaAfterFailures() throws Exception {
        karaf.setProperty("etc/org.zhicheng.identity.cfg", "captcha.afterFailures", "1");
        org.awaitility.Awaitility.await("captcha configured").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> login("captcha.probe", "wrong").body().contains("\"field\":\"captcha\""));
        HttpResponse<String> without = login("captcha.probe", "wrong");
        assertEquals(401, without.statusCode());
        assertTrue(without.body().contains("captcha-required"), without.body());

        HttpResponse<String> issued = karaf.send("POST", "/api/v1/auth/captcha", null, Map.of());
        assertEquals(200, issued.statusCode(), issued.body());
        var captcha = Json.parse(issued.body());
        String image = captcha.get("image").asText();
        assertTrue(image.startsWith("data:image/png;base64,"));
        var png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1))));
        assertEquals(160, png.getWidth());
        HttpResponse<String> wrong = karaf.send("POST", "/api/v1/auth/login", "{\"username\":\"captcha.probe\","
                + "\"password\":\"wrong\",\"captchaId\":" + quote(captcha.get("id").asText())
                + ",\"captcha\":\"x\"}", Map.of());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("captcha-required"), wrong.body());
    }

    private static String cookie(HttpResponse<String> signedIn) {
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
