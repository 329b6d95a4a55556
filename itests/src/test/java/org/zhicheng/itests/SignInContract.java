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
final class SignInContract {

    private final KarafDistribution karaf;

    SignInContract(KarafDistribution karaf) {
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
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
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
        assertEquals(423, login(admin.get("username"), admin.get("password")).statusCode(),
                "locked until an administrator unlocks it");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
