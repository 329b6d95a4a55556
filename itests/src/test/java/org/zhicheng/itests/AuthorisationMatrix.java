package org.zhicheng.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * P2's authorisation matrix: every endpoint of the OpenAPI document, for every role, against the caller's own
 * organisation and a foreign one, must allow or deny exactly as the endpoint's rule and the role's permissions
 * (FJ-8, data in the database) say. An endpoint in the document without a rule here fails the test.
 *
 * <p>Calls are chosen to pass the access check without changing anything: acting on oneself, a duplicate name,
 * a stale version, a taken username. Allowed means "not 401/403"; a foreign target must then answer 404.
 */
public final class AuthorisationMatrix {

    /** Every role the platform seeds (V3) and the applicant. */
    static final List<String> ROLES = List.of("province-reviewer", "city-reviewer", "district-reviewer",
            "title-reform-office", "unit-reviewer", "view-only-authority", "exam-region", "exam-site",
            "registration-point", "applicant", "platform-admin");

    /**
     * One endpoint: who may call it ({@code public}, {@code signed-in} or a permission), and how to call it on
     * the caller's own organisation or account ({@code {own}}, {@code {me}}) and, where it takes a target, on a
     * foreign one.
     */
    record Rule(String method, String path, String access, String ownPath, String foreignPath, String body,
            String contentType) {

        Rule(String method, String path, String access, String ownPath, String foreignPath, String body) {
            this(method, path, access, ownPath, foreignPath, body, null);
        }
    }

    /** The fixtures the calls refer to. */
    record World(String ownOrg, String foreignOrg, String foreignAccount, String contentHash) {
    }

    static List<Rule> rules(World w) {
        String dupOrg = "{\"parentId\":\"PARENT\",\"type\":\"unit\",\"name\":\"DUP\"}";
        // A role every account manager may grant (organisation.read only), so the call reaches the username check.
        String takenAccount = "{\"username\":\"taken.user\",\"displayName\":\"x\",\"organisationId\":\"ORG\","
                + "\"roles\":[\"view-only-authority\"]}";
        String editOrg = "{\"type\":\"unit\",\"name\":\"unchanged\"}";
        return List.of(
                new Rule("GET", "/health", "public", "/api/health", null, null),
                new Rule("GET", "/v1/businesses", "public", "/api/v1/businesses", null, null),
                new Rule("GET", "/v1/businesses/{id}", "public", "/api/v1/businesses/example-profession", null, null),
                new Rule("GET", "/v1/businesses/{id}/versions", "public",
                        "/api/v1/businesses/example-profession/versions", null, null),
                new Rule("GET", "/v1/businesses/{id}/versions/{contentHash}", "public",
                        "/api/v1/businesses/example-profession/versions/" + w.contentHash(), null, null),
                new Rule("POST", "/v1/auth/login", "public", "/api/v1/auth/login", null, "{}"),
                new Rule("POST", "/v1/auth/logout", "public", null, null, null),
                new Rule("POST", "/v1/auth/captcha", "public", "/api/v1/auth/captcha", null, null),
                new Rule("POST", "/v1/auth/recovery", "public", "/api/v1/auth/recovery", null, "{}"),
                new Rule("POST", "/v1/auth/recovery/complete", "public", "/api/v1/auth/recovery/complete", null, "{}"),
                new Rule("PUT", "/v1/auth/profile", "signed-in", "/api/v1/auth/profile", null, "{}"),
                new Rule("GET", "/v1/auth/me", "signed-in", "/api/v1/auth/me", null, null),
                new Rule("POST", "/v1/auth/login/second-factor", "public", "/api/v1/auth/login/second-factor", null,
                        "{}"),
                // Begin is not walked per role: it would start a TOTP setup for each account (harmless but noisy).
                new Rule("POST", "/v1/auth/second-factor", "signed-in", null, null, null),
                new Rule("POST", "/v1/auth/second-factor/confirm", "signed-in", "/api/v1/auth/second-factor/confirm",
                        null, "{\"code\":\"x\"}"),
                new Rule("POST", "/v1/auth/password", "signed-in", "/api/v1/auth/password", null,
                        "{\"currentPassword\":\"wrong\",\"newPassword\":\"irrelevant\"}"),
                new Rule("GET", "/v1/audit/events", "audit.read", "/api/v1/audit/events?limit=1", null, null),
                new Rule("GET", "/v1/audit/events.csv", "audit.read", "/api/v1/audit/events.csv?action=logout", null,
                        null),
                new Rule("GET", "/v1/audit/verification", "audit.verify", "/api/v1/audit/verification", null, null),
                new Rule("GET", "/v1/organisations/mine", "organisation.read", "/api/v1/organisations/mine", null, null),
                new Rule("GET", "/v1/organisations/{id}", "organisation.read", "/api/v1/organisations/{own}",
                        "/api/v1/organisations/" + w.foreignOrg(), null),
                new Rule("GET", "/v1/organisations/{id}/attributes", "organisation.read",
                        "/api/v1/organisations/{own}/attributes", "/api/v1/organisations/" + w.foreignOrg() + "/attributes",
                        null),
                new Rule("PUT", "/v1/organisations/{id}/attributes", "organisation.manage",
                        "/api/v1/organisations/{own}/attributes", "/api/v1/organisations/" + w.foreignOrg()
                                + "/attributes", "{\"registrationPoint\":\"true\"}"),
                new Rule("GET", "/v1/organisations/{id}/children", "organisation.read",
                        "/api/v1/organisations/{own}/children",
                        "/api/v1/organisations/" + w.foreignOrg() + "/children", null),
                new Rule("POST", "/v1/organisations", "organisation.manage", "/api/v1/organisations",
                        "/api/v1/organisations", dupOrg),
                new Rule("PUT", "/v1/organisations/{id}", "organisation.manage", "/api/v1/organisations/{own}",
                        "/api/v1/organisations/" + w.foreignOrg(), editOrg),
                new Rule("POST", "/v1/organisations/{id}/disable", "organisation.manage",
                        "/api/v1/organisations/{own}/disable", "/api/v1/organisations/" + w.foreignOrg() + "/disable",
                        null),
                new Rule("POST", "/v1/organisations/{id}/enable", "organisation.manage",
                        "/api/v1/organisations/{own}/enable", "/api/v1/organisations/" + w.foreignOrg() + "/enable",
                        null),
                new Rule("POST", "/v1/organisations/{id}/move", "organisation.manage",
                        "/api/v1/organisations/{own}/move", "/api/v1/organisations/" + w.foreignOrg() + "/move",
                        "{\"parentId\":\"{own}\"}"),
                new Rule("GET", "/v1/accounts", "account.read", "/api/v1/accounts?organisation={own}",
                        "/api/v1/accounts?organisation=" + w.foreignOrg(), null),
                new Rule("POST", "/v1/accounts", "account.manage", "/api/v1/accounts", "/api/v1/accounts",
                        takenAccount),
                new Rule("POST", "/v1/accounts/{id}/unlock", "account.unlock", "/api/v1/accounts/{me}/unlock",
                        "/api/v1/accounts/" + w.foreignAccount() + "/unlock", null),
                new Rule("POST", "/v1/accounts/{id}/freeze", "account.manage", "/api/v1/accounts/{me}/freeze",
                        "/api/v1/accounts/" + w.foreignAccount() + "/freeze", null),
                new Rule("POST", "/v1/accounts/{id}/unfreeze", "account.manage", "/api/v1/accounts/{me}/unfreeze",
                        "/api/v1/accounts/" + w.foreignAccount() + "/unfreeze", null),
                new Rule("POST", "/v1/accounts/{id}/password-reset", "account.manage",
                        "/api/v1/accounts/{me}/password-reset",
                        "/api/v1/accounts/" + w.foreignAccount() + "/password-reset", null),
                new Rule("PUT", "/v1/accounts/{id}/email", "account.manage", "/api/v1/accounts/{me}/email",
                        "/api/v1/accounts/" + w.foreignAccount() + "/email", "{\"email\":\"matrix@example.cn\"}"),
                new Rule("DELETE", "/v1/accounts/{id}", "account.manage", "/api/v1/accounts/{me}",
                        "/api/v1/accounts/" + w.foreignAccount(), null),
                new Rule("POST", "/v1/registrations/units", "public", "/api/v1/registrations/units", null, "{}"),
                new Rule("GET", "/v1/registrations/units", "unit.approve", "/api/v1/registrations/units?parent={own}",
                        "/api/v1/registrations/units?parent=" + w.foreignOrg(), null),
                new Rule("POST", "/v1/registrations/units/{id}/approve", "unit.approve",
                        "/api/v1/registrations/units/{own}/approve",
                        "/api/v1/registrations/units/" + w.foreignOrg() + "/approve", null),
                new Rule("POST", "/v1/registrations/units/{id}/reject", "unit.approve",
                        "/api/v1/registrations/units/{own}/reject",
                        "/api/v1/registrations/units/" + w.foreignOrg() + "/reject", "{\"reason\":\"x\"}"),
                new Rule("POST", "/v1/registrations/applicants", "public", "/api/v1/registrations/applicants", null,
                        "{}"),
                new Rule("POST", "/v1/registrations/pass-lists", "applicant.import",
                        "/api/v1/registrations/pass-lists?unit={own}",
                        "/api/v1/registrations/pass-lists?unit=" + w.foreignOrg(), "not a spreadsheet",
                        "application/octet-stream"),
                new Rule("POST", "/v1/unit-changes", "own.apply", "/api/v1/unit-changes", null,
                        "{\"unitId\":\"x\"}"),
                new Rule("GET", "/v1/unit-changes", "applicant.approve", "/api/v1/unit-changes?unit={own}",
                        "/api/v1/unit-changes?unit=" + w.foreignOrg(), null),
                new Rule("POST", "/v1/unit-changes/{id}/approve", "applicant.approve",
                        "/api/v1/unit-changes/x/approve", null, null),
                new Rule("POST", "/v1/unit-changes/{id}/reject", "applicant.approve", "/api/v1/unit-changes/x/reject",
                        null, "{\"reason\":\"x\"}"),
                new Rule("POST", "/v1/applications", "own.apply", "/api/v1/applications", null,
                        "{\"business\":\"no-such-business\"}"),
                new Rule("GET", "/v1/applications", "own.apply", "/api/v1/applications", null, null),
                new Rule("GET", "/v1/applications/{id}", "signed-in", "/api/v1/applications/x", null, null),
                new Rule("PUT", "/v1/applications/{id}", "own.apply", "/api/v1/applications/x", null, "{}"),
                new Rule("DELETE", "/v1/applications/{id}", "own.apply", "/api/v1/applications/x", null, null),
                new Rule("POST", "/v1/applications/{id}/submit", "own.apply", "/api/v1/applications/x/submit", null,
                        null),
                new Rule("POST", "/v1/applications/{id}/withdraw", "own.apply", "/api/v1/applications/x/withdraw",
                        null, null),
                new Rule("GET", "/v1/applications/{id}/history", "signed-in", "/api/v1/applications/x/history", null,
                        null),
                new Rule("GET", "/v1/applications/{id}/files", "signed-in", "/api/v1/applications/x/files", null,
                        null),
                new Rule("GET", "/v1/certificates", "signed-in", "/api/v1/certificates", null, null),
                new Rule("GET", "/v1/certificates/{number}/verification", "public",
                        "/api/v1/certificates/GD209900000001/verification", null, null),
                new Rule("POST", "/v1/certificates/verification", "public", "/api/v1/certificates/verification", null,
                        "%PDF-1.7 not really", "application/pdf"),
                new Rule("GET", "/v1/certificates/{number}/pdf", "signed-in", "/api/v1/certificates/GD209900000001/pdf",
                        null, null),
                new Rule("POST", "/v1/certificates/{number}/revoke", "certificate.issue",
                        "/api/v1/certificates/GD209900000001/revoke", null, "{\"reason\":\"x\"}"),
                new Rule("POST", "/v1/certificates/{number}/reissue", "certificate.issue",
                        "/api/v1/certificates/GD209900000001/reissue", null, "{\"reason\":\"x\"}"),
                new Rule("POST", "/v1/applications/{id}/certificate", "certificate.issue",
                        "/api/v1/applications/x/certificate", null, null),
                new Rule("GET", "/v1/reviews/roster", "review.act",
                        "/api/v1/reviews/roster?business=no-such&document=roster", null, null),
                new Rule("GET", "/v1/applications/{id}/documents", "signed-in", "/api/v1/applications/x/documents",
                        null, null),
                new Rule("GET", "/v1/applications/{id}/documents/{document}", "signed-in",
                        "/api/v1/applications/x/documents/review-form", null, null),
                new Rule("PUT", "/v1/applications/{id}/documents/{document}/layout", "signed-in",
                        "/api/v1/applications/x/documents/review-form/layout", null, "{\"pages\":{}}"),
                new Rule("PUT", "/v1/applications/{id}/files/{slot}", "own.apply", "/api/v1/applications/x/files/photo",
                        null, "x", "application/octet-stream"),
                new Rule("POST", "/v1/applications/{id}/files/{slot}", "own.apply",
                        "/api/v1/applications/x/files/photo", null, "--b\r\nContent-Disposition: form-data;"
                                + " name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nx\r\n--b--\r\n",
                        "multipart/form-data; boundary=b"),
                new Rule("GET", "/v1/applications/{id}/files/{slot}/{file}", "signed-in",
                        "/api/v1/applications/x/files/photo/y", null, null),
                new Rule("DELETE", "/v1/applications/{id}/files/{slot}/{file}", "own.apply",
                        "/api/v1/applications/x/files/photo/y", null, null),
                new Rule("GET", "/v1/businesses/{business}/files/{slot}/zip", "media.export",
                        "/api/v1/businesses/no-such/files/photo/zip", null, null),
                new Rule("GET", "/v1/gates/{business}/{gate}", "review.act", "/api/v1/gates/no-such/gate", null, null),
                new Rule("POST", "/v1/gates/{business}/{gate}/submit", "review.act", "/api/v1/gates/no-such/gate/submit",
                        null, null),
                new Rule("GET", "/v1/reviews", "review.act", "/api/v1/reviews?queue=pending", null, null),
                new Rule("POST", "/v1/reviews/{taskId}/{action}", "review.act", "/api/v1/reviews/x/approve", null,
                        "{}"),
                new Rule("POST", "/v1/reviews/batch", "review.act", "/api/v1/reviews/batch", null,
                        "{\"action\":\"approve\",\"taskIds\":[\"x\"]}"),
                new Rule("GET", "/v1/reviews/{taskId}/evidence", "review.act", "/api/v1/reviews/x/evidence", null,
                        null),
                new Rule("POST", "/v1/reviews/{taskId}/check", "review.act", "/api/v1/reviews/x/check", null,
                        "{\"checks\":[{\"slotId\":\"photo\",\"matches\":true}]}"),
                new Rule("POST", "/v1/reviews/{taskId}/assign", "review.assign", "/api/v1/reviews/x/assign", null,
                        "{\"organisationId\":\"x\",\"reason\":\"r\"}"),
                new Rule("GET", "/v1/registrations/applicants", "applicant.approve",
                        "/api/v1/registrations/applicants?unit={own}",
                        "/api/v1/registrations/applicants?unit=" + w.foreignOrg(), null),
                new Rule("POST", "/v1/registrations/applicants/{accountId}/approve", "applicant.approve",
                        "/api/v1/registrations/applicants/{me}/approve",
                        "/api/v1/registrations/applicants/" + w.foreignAccount() + "/approve", null),
                // oversight (GD-PHOTO-6): signed in is enough, the service scopes (application.read or an observer
                // role sees its subtree, anyone else nothing); an organisation outside the subtree answers 404.
                new Rule("GET", "/v1/oversight/applications", "signed-in",
                        "/api/v1/oversight/applications?unit={own}&limit=1",
                        "/api/v1/oversight/applications?unit=" + w.foreignOrg(), null),
                new Rule("GET", "/v1/oversight/overview", "signed-in",
                        "/api/v1/oversight/overview?business=example-profession&organisation={own}",
                        "/api/v1/oversight/overview?business=example-profession&organisation=" + w.foreignOrg(), null),
                new Rule("GET", "/v1/oversight/not-started", "signed-in",
                        "/api/v1/oversight/not-started?business=example-profession&unit={own}",
                        "/api/v1/oversight/not-started?business=example-profession&unit=" + w.foreignOrg(), null),
                new Rule("POST", "/v1/registrations/applicants/{accountId}/reject", "applicant.approve",
                        "/api/v1/registrations/applicants/{me}/reject",
                        "/api/v1/registrations/applicants/" + w.foreignAccount() + "/reject", "{\"reason\":\"x\"}"),
                // notifications (FJ-5): everyone reads and marks only their own inbox (another account's message,
                // like an unknown one, answers 404); the outbox's failures and their retry need notification.admin.
                new Rule("GET", "/v1/notifications/inbox", "signed-in", "/api/v1/notifications/inbox?limit=1", null,
                        null),
                new Rule("POST", "/v1/notifications/inbox/{id}/read", "signed-in",
                        "/api/v1/notifications/inbox/x/read", null, null),
                new Rule("GET", "/v1/notifications/outbox", "notification.admin",
                        "/api/v1/notifications/outbox?status=failed&limit=1", null, null),
                new Rule("POST", "/v1/notifications/outbox/{id}/retry", "notification.admin",
                        "/api/v1/notifications/outbox/x/retry", null, null));
    }

    /** A signed-in account of one role. */
    public record Session(String role, String accountId, String organisationId, Set<String> permissions, String cookie,
            String csrf) {

        /** The cookie and CSRF token a state-changing call carries. */
        public Map<String, String> headers() {
            return Map.of("Cookie", cookie, "X-CSRF-Token", csrf);
        }
    }

    private final KarafDistribution karaf;

    public AuthorisationMatrix(KarafDistribution karaf) {
        this.karaf = karaf;
    }

    /** A signed-in session from a successful sign-in response. */
    public Session session(String role, HttpResponse<String> signedIn) throws Exception {
        assertEquals(200, signedIn.statusCode(), role + ": " + signedIn.body());
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        JsonNode body = Json.parse(signedIn.body());
        Set<String> permissions = new HashSet<>();
        body.get("permissions").forEach(p -> permissions.add(p.asText()));
        return new Session(role, body.at("/user/id").asText(), body.at("/user/organisationId").asText(), permissions,
                setCookie.substring(0, setCookie.indexOf(';')), body.get("csrfToken").asText());
    }

    /** A state-changing call as {@code s} that must succeed; returns the JSON answer. */
    public JsonNode post(Session s, String path, String json, int expectedStatus) throws Exception {
        return send(s, "POST", path, json, expectedStatus);
    }

    /** A state-changing call of any method as {@code s} that must succeed; returns the JSON answer. */
    JsonNode send(Session s, String method, String path, String json, int expectedStatus) throws Exception {
        HttpResponse<String> r = karaf.send(method, path, json, Map.of("Cookie", s.cookie(), "X-CSRF-Token", s.csrf()));
        assertEquals(expectedStatus, r.statusCode(), path + ": " + r.body());
        return r.body().isEmpty() ? null : Json.parse(r.body());
    }

    /**
     * The world the matrix runs in, made by the platform administrator: organisations A (where every role's
     * account lives, with a child "DUP" and an account "taken.user") and B (foreign, with one account), and one
     * signed-in account per role in A, each past its one-time password.
     */
    List<Session> prepare(Session admin, String password, World[] world) throws Exception {
        String root = Json.parse(karaf.get("/api/v1/organisations/mine", Map.of("Cookie", admin.cookie())).body())
                .get("id").asText();
        String a = post(admin, "/api/v1/organisations", "{\"parentId\":\"" + root
                + "\",\"type\":\"unit\",\"name\":\"矩阵测试单位甲\"}", 201).get("id").asText();
        String b = post(admin, "/api/v1/organisations", "{\"parentId\":\"" + root
                + "\",\"type\":\"unit\",\"name\":\"矩阵测试单位乙\"}", 201).get("id").asText();
        post(admin, "/api/v1/organisations", "{\"parentId\":\"" + a + "\",\"type\":\"unit\",\"name\":\"DUP\"}", 201);
        post(admin, "/api/v1/accounts", account("taken.user", a, "unit-reviewer"), 201);
        String foreignAccount = post(admin, "/api/v1/accounts", account("foreign.user", b, "unit-reviewer"), 201)
                .get("id").asText();
        world[0] = new World(a, b, foreignAccount, "0".repeat(64));

        List<Session> sessions = new ArrayList<>();
        for (String role : ROLES) {
            Session session = issue(admin, "matrix." + role, a, role, password);
            sessions.add(session);
        }
        return sessions;
    }

    /**
     * Issues an account with one role in an organisation and returns it signed in, past its one-time password,
     * profile and (for administrators) TOTP set-up.
     */
    public Session issue(Session admin, String username, String organisationId, String role, String password)
            throws Exception {
        String oneTime = post(admin, "/api/v1/accounts", account(username, organisationId, role), 201)
                .get("oneTimePassword").asText();
        Session first = session(role, login(username, oneTime));
        post(first, "/api/v1/auth/password", "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\""
                + password + "\"}", 204);
        HttpResponse<String> signedIn = login(username, password);
        Session session = session(role, signedIn);
        // FJ-7: the profile comes first, then the permissions apply.
        send(session, "PUT", "/api/v1/auth/profile", "{\"displayName\":\"" + username
                + "\",\"email\":\"" + username + "@example.cn\"}", 204);
        if (Json.parse(signedIn.body()).get("mustEnrollSecondFactor").asBoolean()) {
            // Administrators set up TOTP; the session goes on once it is confirmed.
            String secret = post(session, "/api/v1/auth/second-factor", null, 200).get("secret").asText();
            post(session, "/api/v1/auth/second-factor/confirm", "{\"code\":\""
                    + new AuthenticatorApp(secret).code(java.time.Instant.now()) + "\"}", 204);
        }
        return session;
    }

    private HttpResponse<String> login(String username, String password) throws Exception {
        return karaf.send("POST", "/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}", Map.of());
    }

    private static String account(String username, String organisationId, String role) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"organisationId\":\""
                + organisationId + "\",\"roles\":[\"" + role + "\"]}";
    }

    /** Every (method, path) the OpenAPI document lists. */
    List<String> documentedEndpoints() throws Exception {
        JsonNode paths = Json.parse(karaf.get("/api/openapi.json").body()).get("paths");
        List<String> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                endpoints.add(methods.next().toUpperCase() + " " + path.getKey());
            }
        }
        return endpoints;
    }

    /** Walks every rule for every session (and anonymously); returns how many calls it checked. */
    int check(World world, List<Rule> rules, List<Session> sessions) throws Exception {
        Set<String> covered = new HashSet<>();
        rules.forEach(r -> covered.add(r.method() + " " + r.path()));
        for (String endpoint : documentedEndpoints()) {
            assertTrue(covered.contains(endpoint), "endpoint without an authorisation rule: " + endpoint);
        }
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Rule rule : rules) {
            if (rule.ownPath() == null) {
                continue; // logout: public, and calling it would end the session under test
            }
            HttpResponse<String> anonymous = karaf.send(rule.method(),
                    rule.ownPath().replace("{own}", "x").replace("{me}", "x"), rule.body(),
                    rule.contentType() == null ? Map.of() : Map.of("Content-Type", rule.contentType()));
            calls++;
            if (rule.access().equals("public") == (anonymous.statusCode() == 401)) {
                wrong.add("anonymous " + rule.method() + " " + rule.ownPath() + " -> " + anonymous.statusCode());
            }
            for (Session s : sessions) {
                boolean allowed = switch (rule.access()) {
                    case "public", "signed-in" -> true;
                    default -> s.permissions().contains(rule.access());
                };
                int own = call(rule, rule.ownPath(), s, s.organisationId());
                calls++;
                if (allowed == (own == 401 || own == 403)) {
                    wrong.add(s.role() + " " + rule.method() + " " + rule.ownPath() + " -> " + own + ", expected "
                            + (allowed ? "allowed" : "denied"));
                }
                if (rule.foreignPath() != null) {
                    int foreign = call(rule, rule.foreignPath(), s, world.foreignOrg());
                    calls++;
                    int expected = allowed ? 404 : 403;
                    if (foreign != expected) {
                        wrong.add(s.role() + " " + rule.method() + " " + rule.foreignPath() + " (foreign) -> "
                                + foreign + ", expected " + expected);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        return calls;
    }

    /** Calls one endpoint as {@code s}, naming {@code targetOrg} wherever the rule names an organisation. */
    private int call(Rule rule, String path, Session s, String targetOrg) throws Exception {
        String resolved = path.replace("{own}", targetOrg).replace("{me}", s.accountId());
        String body = rule.body() == null ? null
                : rule.body().replace("PARENT", targetOrg).replace("ORG", targetOrg).replace("{own}", targetOrg);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", s.cookie());
        headers.put("X-CSRF-Token", s.csrf());
        if (rule.method().equals("PUT")) {
            headers.put("If-Match", "\"999\"");
        }
        if (rule.contentType() != null) {
            headers.put("Content-Type", rule.contentType());
        }
        return karaf.send(rule.method(), resolved, body, headers).statusCode();
    }
}
