package org.zhicheng.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every database configuration of the distribution must do. Subclasses boot one distribution in
 * {@code @BeforeAll} and assign {@link #karaf}; the tests share it and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DistributionContract {

    static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

    protected KarafDistribution karaf;

    /** The database product health must report, e.g. {@code H2}. */
    abstract String expectedDatabaseProduct();

    @AfterAll
    void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    /** The newest schema version among the persistence bundle's migration scripts (common and per database). */
    static String newestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("..", "bundles", "persistence", "src", "main",
                "resources", "db", "migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    // Runtime.Version compares dotted numbers numerically (2.10 after 2.9), as Flyway does.
                    .max(java.util.Comparator.comparing(Runtime.Version::parse))
                    .orElseThrow();
        }
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = karaf.get(path);
        assertEquals(200, response.statusCode(), path + " answered " + response.body());
        return Json.parse(response.body());
    }

    List<String> offered() throws Exception {
        JsonNode list = getJson("/api/v1/businesses");
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(b -> b.get("id").asText() + "@" + b.get("version").asText()).toList();
    }

    @Test
    @Order(1)
    void healthIsUpOnTheConfiguredDatabase() throws Exception {
        JsonNode health = getJson("/api/health");
        assertEquals("UP", health.get("status").asText(), health.toString());
        JsonNode database = health.at("/components/database");
        assertEquals("UP", database.get("status").asText());
        assertEquals(expectedDatabaseProduct(), database.get("product").asText());
        assertEquals(newestMigration(), database.get("schemaVersion").asText(), "every migration applied");
        assertEquals("UP", health.at("/components/businesses/status").asText());
        assertEquals("configured", health.at("/components/identity/personalDataKeys").asText());
        System.out.printf("[figures] %s: boot to healthy /api/health in %.1f s%n", getClass().getSimpleName(),
                karaf.bootTime().toMillis() / 1000.0);
    }

    @Test
    @Order(2)
    void servesTheOpenApiDocumentAndTheBrowsableApiPage() throws Exception {
        JsonNode openapi = getJson("/api/openapi.json");
        assertTrue(openapi.get("openapi").asText().startsWith("3."));
        JsonNode paths = openapi.get("paths");
        for (String path : List.of("/health", "/v1/businesses", "/v1/businesses/{id}")) {
            assertTrue(paths.has(path), "OpenAPI lacks " + path + ": " + paths);
        }
        // Whiteboard resources register asynchronously: poll, as a browser user would retry.
        await("API page").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> karaf.get("/api-docs/index.html").statusCode() == 200);
        HttpResponse<String> page = karaf.get("/api-docs/index.html");
        assertTrue(page.body().contains("swagger-ui-bundle.js"));
        HttpResponse<String> script = karaf.get("/api-docs/swagger-ui-bundle.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().length() > 100_000, "Swagger UI is served from the distribution itself");
    }

    @Test
    @Order(3)
    void unknownBusinessIsABilingualProblem() throws Exception {
        HttpResponse<String> zh = karaf.get("/api/v1/businesses/no-such-business");
        assertEquals(404, zh.statusCode());
        assertTrue(zh.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("nosniff", zh.headers().firstValue("X-Content-Type-Options").orElse(""));
        JsonNode problem = Json.parse(zh.body());
        assertEquals(404, problem.get("status").asInt());
        assertTrue(problem.get("type").asText().endsWith("/business-not-found"));
        assertTrue(problem.get("title").asText().contains("不存在"), problem.toString());
        assertTrue(problem.at("/messages/en").asText().contains("does not exist"));

        HttpResponse<String> en = karaf.get("/api/v1/businesses/no-such-business",
                Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertTrue(Json.parse(en.body()).get("title").asText().contains("does not exist"));
    }

    @Test
    @Order(4)
    void homePageIsServedWithItsAssets() throws Exception {
        HttpResponse<String> home = karaf.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(home.body().contains("职称申报评审平台"));
        assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        HttpResponse<String> script = karaf.get("/assets/home.js");
        assertEquals(200, script.statusCode());
        assertEquals("nosniff", script.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(200, karaf.get("/assets/i18n.js").statusCode());
        HttpResponse<String> missing = karaf.get("/no/such/page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("页面不存在") && missing.body().contains("Page not found"));
    }

    @Test
    @Order(5)
    void liveUpdateFromVersion1To2FailsNoRequest() throws Exception {
        karaf.deploy(ExampleBundles.v1(), ExampleBundles.FILE_NAME);
        await("v1 listed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> offered().contains("example-profession@1.0.0"));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread client = new Thread(() -> {
            while (running.get()) {
                String path = requests.get() % 2 == 0 ? "/api/v1/businesses" : "/api/v1/businesses/example-profession";
                try {
                    HttpResponse<String> r = karaf.get(path);
                    if (r.statusCode() != 200 || !r.body().contains("example-profession")) {
                        failures.add(path + " -> " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    failures.add(path + " -> " + e);
                }
                requests.incrementAndGet();
            }
        }, "update-client");
        client.start();
        long swapStart;
        long swapMillis;
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() > 20);
            swapStart = System.nanoTime();
            karaf.deploy(ExampleBundles.v2(), ExampleBundles.FILE_NAME);
            await("v2 listed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> offered().contains("example-profession@2.0.0"));
            swapMillis = (System.nanoTime() - swapStart) / 1_000_000;
            int seen = requests.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> requests.get() > seen + 100);
        } finally {
            running.set(false);
            client.join(15_000);
        }
        long elapsedMs = (System.nanoTime() - swapStart) / 1_000_000;
        System.out.printf("[figures] %s: live update v1->v2 visible after %d ms; %d requests, %d failed%n",
                getClass().getSimpleName(), swapMillis, requests.get(), failures.size());
        assertEquals(List.of(), List.copyOf(failures), "no request may fail during the update");
        assertEquals(List.of("example-profession@2.0.0"), offered());
        assertTrue(elapsedMs > 0);
        JsonNode business = getJson("/api/v1/businesses/example-profession");
        assertEquals("2.0.0", business.get("version").asText());
        assertEquals("示例专业", business.at("/name/zh").asText());
        assertTrue(business.get("descriptor").isObject());

        // Both versions stay stored; the one an application began under is still served by its hash.
        JsonNode versions = getJson("/api/v1/businesses/example-profession/versions");
        assertEquals(2, versions.size(), versions.toString());
        assertEquals("2.0.0", versions.get(0).get("version").asText());
        JsonNode v1 = versions.get(1);
        assertEquals("1.0.0", v1.get("version").asText());
        JsonNode pinned = getJson("/api/v1/businesses/example-profession/versions/" + v1.get("contentHash").asText());
        assertEquals("1.0.0", pinned.at("/descriptor/version").asText());
        assertEquals(404, karaf.get("/api/v1/businesses/example-profession/versions/not-a-hash").statusCode());
    }

    @Test
    @Order(6)
    void invalidDescriptorIsRefusedAndShownInHealth() throws Exception {
        String broken = "{\"formatVersion\": \"1\", \"id\": \"Broken Id\", \"version\": \"one\"}";
        var jar = ExampleBundles.withDescriptor("org.zhicheng.example-broken", broken, karaf.home());
        karaf.deploy(jar, "example-broken.jar");
        await("rejection in health").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> getJson("/api/health").get("status").asText().equals("DEGRADED"));
        JsonNode invalid = getJson("/api/health").at("/components/businesses/invalid/0");
        assertEquals("INVALID", invalid.get("status").asText());
        assertTrue(invalid.get("bundle").asText().startsWith("org.zhicheng.example-broken"), invalid.toString());
        assertTrue(invalid.get("problems").size() > 0);
        assertTrue(karaf.log().contains("refused"), "the refusal is logged");
        assertEquals(List.of("example-profession@2.0.0"), offered(), "a broken bundle changes nothing served");

        karaf.undeploy("example-broken.jar");
        await("health UP again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> getJson("/api/health").get("status").asText().equals("UP"));
    }

    @Test
    @Order(8)
    void firstAdministratorSignsInAndOutWithSessionAndCsrf() throws Exception {
        new SignInContract(karaf).signInSessionAndSignOut();
    }

    /** The platform administrator, signed in with password and TOTP by test 9 and used by later tests. */
    private AuthorisationMatrix.Session admin;

    @Test
    @Order(9)
    void oneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        SignInContract signIn = new SignInContract(karaf);
        signIn.oneTimePasswordMustBeChangedFirst();
        admin = new AuthorisationMatrix(karaf).session("platform-admin", signIn.signedIn);
    }

    @Test
    @Order(15)
    void everyEndpointAllowsAndDeniesExactlyAsTheRulesSayForEveryRole() throws Exception {
        AuthorisationMatrix matrix = new AuthorisationMatrix(karaf);
        AuthorisationMatrix.World[] world = new AuthorisationMatrix.World[1];
        List<AuthorisationMatrix.Session> sessions = matrix.prepare(admin, "Matrix#2026-Strong!", world);
        int calls = matrix.check(world[0], AuthorisationMatrix.rules(world[0]), sessions);
        System.out.printf("[figures] %s: authorisation matrix, %d roles, %d calls checked%n",
                getClass().getSimpleName(), sessions.size(), calls);
        assertTrue(calls > 400, "calls: " + calls);
    }

    @Test
    @Order(16)
    void applicantRegistersAndSignsInOnceTheUnitApproves() throws Exception {
        AuthorisationMatrix matrix = new AuthorisationMatrix(karaf);
        String root = Json.parse(karaf.get("/api/v1/organisations/mine", Map.of("Cookie", admin.cookie())).body())
                .get("id").asText();
        String unit = matrix.post(admin, "/api/v1/organisations", "{\"parentId\":\"" + root
                + "\",\"type\":\"unit\",\"name\":\"注册测试医院\"}", 201).get("id").asText();
        String form = "{\"username\":\"li.na\",\"password\":\"Reg#2026-Strong!\",\"name\":\"李娜\","
                + "\"idNumber\":\"50010319851120041８\",\"sex\":\"male\",\"birthDate\":\"1985-11-20\","
                + "\"mobile\":\"13800138000\",\"unitId\":\"" + unit + "\",\"staffType\":\"institutional\"}";
        HttpResponse<String> registered = karaf.send("POST", "/api/v1/registrations/applicants", form, Map.of());
        assertEquals(201, registered.statusCode(), registered.body());
        String account = Json.parse(registered.body()).get("accountId").asText();

        HttpResponse<String> again = karaf.send("POST", "/api/v1/registrations/applicants",
                form.replace("li.na", "li.na2"), Map.of());
        assertEquals(409, again.statusCode());
        assertTrue(Json.parse(again.body()).get("title").asText().contains("注册测试医院"), again.body());
        HttpResponse<String> invalid = karaf.send("POST", "/api/v1/registrations/applicants",
                form.replace("50010319851120041８", "500103198511200417"), Map.of());
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("id-number.check-digit"), invalid.body());

        SignInContract signIn = new SignInContract(karaf);
        HttpResponse<String> pending = signIn.login("li.na", "Reg#2026-Strong!");
        assertEquals(403, pending.statusCode());
        assertTrue(pending.body().contains("registration-pending"), pending.body());

        JsonNode list = Json.parse(karaf.get("/api/v1/registrations/applicants?unit=" + unit,
                Map.of("Cookie", admin.cookie())).body());
        assertEquals(1, list.size());
        assertEquals("500***********0418", list.get(0).get("idNumber").asText(), "masked for reviewers");
        matrix.post(admin, "/api/v1/registrations/applicants/" + account + "/approve", null, 204);
        assertEquals(200, signIn.login("li.na", "Reg#2026-Strong!").statusCode());
    }

    @Test
    @Order(17)
    void aForgottenPasswordIsRecoveredByAMailedLink() throws Exception {
        AuthorisationMatrix matrix = new AuthorisationMatrix(karaf);
        String root = Json.parse(karaf.get("/api/v1/organisations/mine", Map.of("Cookie", admin.cookie())).body())
                .get("id").asText();
        String unit = matrix.post(admin, "/api/v1/organisations", "{\"parentId\":\"" + root
                + "\",\"type\":\"unit\",\"name\":\"找回测试医院\"}", 201).get("id").asText();
        String account = matrix.post(admin, "/api/v1/accounts", "{\"username\":\"u0099@gdwsrc.net\","
                + "\"displayName\":\"找回测试\",\"organisationId\":\"" + unit + "\",\"roles\":[\"unit-reviewer\"]}", 201)
                .get("id").asText();
        // GD-PHOTO-7: the superior registers (or changes) the unit's address.
        matrix.send(admin, "PUT", "/api/v1/accounts/" + account + "/email", "{\"email\":\"U0099@GDWSRC.net\"}", 204);

        HttpResponse<String> unknown = karaf.send("POST", "/api/v1/auth/recovery",
                "{\"email\":\"nobody@gdwsrc.net\"}", Map.of());
        HttpResponse<String> known = karaf.send("POST", "/api/v1/auth/recovery",
                "{\"email\":\"u0099@gdwsrc.net\"}", Map.of());
        assertEquals(202, known.statusCode(), known.body());
        assertEquals(unknown.body(), known.body(), "nobody learns whether an address is registered");

        await("recovery mail delivered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> karaf.mail().getReceivedMessages().length > 0);
        var mails = karaf.mail().getReceivedMessages();
        assertEquals(1, mails.length, "one mail, to the registered address only");
        assertEquals("U0099@GDWSRC.net", mails[0].getAllRecipients()[0].toString());
        String text = (String) mails[0].getContent();
        assertTrue(mails[0].getSubject().startsWith("找回账号或密码"), mails[0].getSubject());
        assertTrue(text.contains("u0099@gdwsrc.net"), "the mail names the username: " + text);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/recover#token=([A-Za-z0-9_-]{43})")
                .matcher(text);
        assertTrue(link.find(), text);

        HttpResponse<String> done = karaf.send("POST", "/api/v1/auth/recovery/complete", "{\"token\":\""
                + link.group(1) + "\",\"newPassword\":\"Recovered#2026-Ok\"}", Map.of());
        assertEquals(204, done.statusCode(), done.body());
        SignInContract signIn = new SignInContract(karaf);
        assertEquals(200, signIn.login("u0099@gdwsrc.net", "Recovered#2026-Ok").statusCode());
        HttpResponse<String> reused = karaf.send("POST", "/api/v1/auth/recovery/complete", "{\"token\":\""
                + link.group(1) + "\",\"newPassword\":\"Another#2026-Ok\"}", Map.of());
        assertEquals(400, reused.statusCode());
        assertTrue(reused.body().contains("recovery-link-invalid"), reused.body());
        JsonNode notification = getJson("/api/health").at("/components/notification");
        assertEquals("UP", notification.get("status").asText(), notification.toString());
    }

    @Test
    @Order(17)
    void aPassListIsImportedFromExcelInsideKaraf() throws Exception {
        String root = Json.parse(karaf.get("/api/v1/organisations/mine", Map.of("Cookie", admin.cookie())).body())
                .get("id").asText();
        String unit = new AuthorisationMatrix(karaf).post(admin, "/api/v1/organisations", "{\"parentId\":\"" + root
                + "\",\"type\":\"unit\",\"name\":\"名单测试医院\"}", 201).get("id").asText();
        byte[] xlsx;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("合格名单");
            String[][] rows = {{"姓名", "身份证号", "邮箱"}, {"名单人", "440103199001011236", "list@example.cn"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        Map<String, String> headers = new java.util.HashMap<>(admin.headers());
        headers.put("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        HttpResponse<String> imported = karaf.sendBytes("POST", "/api/v1/registrations/pass-lists?unit=" + unit,
                xlsx, headers);
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals("440103199001011236", Json.parse(imported.body()).at("/created/0/username").asText());
        HttpResponse<String> notExcel = karaf.sendBytes("POST", "/api/v1/registrations/pass-lists?unit=" + unit,
                "姓名,身份证号".getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
        assertEquals(400, notExcel.statusCode());
        assertTrue(notExcel.body().contains("Excel"), notExcel.body());
    }

    @Test
    @Order(18)
    void anApplicantSubmitsAndTheUnitApprovesOverHttp() throws Exception {
        karaf.deploy(ExampleBundles.v2(), ExampleBundles.FILE_NAME);
        await("example offered again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> offered().contains("example-profession@2.0.0"));
        AuthorisationMatrix matrix = new AuthorisationMatrix(karaf);
        String root = Json.parse(karaf.get("/api/v1/organisations/mine", Map.of("Cookie", admin.cookie())).body())
                .get("id").asText();
        String unit = matrix.post(admin, "/api/v1/organisations", "{\"parentId\":\"" + root
                + "\",\"type\":\"unit\",\"name\":\"流程测试医院\"}", 201).get("id").asText();
        AuthorisationMatrix.Session applicant = matrix.issue(admin, "flow.applicant", unit, "applicant",
                "Flow#2026-Strong!");
        AuthorisationMatrix.Session reviewer = matrix.issue(admin, "flow.reviewer", unit, "unit-reviewer",
                "Flow#2026-Strong!");

        HttpResponse<String> created = karaf.send("POST", "/api/v1/applications",
                "{\"business\":\"example-profession\"}", applicant.headers());
        assertEquals(201, created.statusCode(), created.body());
        String id = Json.parse(created.body()).get("id").asText();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        Map<String, String> withEtag = new java.util.HashMap<>(applicant.headers());
        withEtag.put("If-Match", etag);
        HttpResponse<String> bad = karaf.send("PUT", "/api/v1/applications/" + id,
                "{\"yearsInField\":99}", withEtag);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("yearsInField"), bad.body());
        HttpResponse<String> saved = karaf.send("PUT", "/api/v1/applications/" + id, "{\"name\":\"流程申报人\","
                + "\"idNumber\":\"500103198511200418\",\"specialty\":\"general\",\"yearsInField\":12}", withEtag);
        assertEquals(200, saved.statusCode(), saved.body());
        withEtag.put("If-Match", saved.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> stale = karaf.send("PUT", "/api/v1/applications/" + id, "{}",
                Map.of("Cookie", applicant.cookie(), "X-CSRF-Token", applicant.csrf(), "If-Match", etag));
        assertEquals(412, stale.statusCode(), "the ETag read before the save is stale");

        HttpResponse<String> noPhoto = karaf.send("POST", "/api/v1/applications/" + id + "/submit", null, withEtag);
        assertEquals(400, noPhoto.statusCode(), noPhoto.body());
        assertTrue(noPhoto.body().contains("upload-required") && noPhoto.body().contains("files.photo"),
                noPhoto.body());
        uploadsDecodeInsideTheDistribution(id, applicant);

        HttpResponse<String> submitted = karaf.send("POST", "/api/v1/applications/" + id + "/submit", null,
                withEtag);
        assertEquals(200, submitted.statusCode(), submitted.body());
        JsonNode inReview = Json.parse(submitted.body());
        assertEquals("in-review", inReview.get("status").asText());
        assertEquals("unit-review", inReview.get("currentStep").asText());

        JsonNode queue = Json.parse(karaf.get("/api/v1/reviews?queue=pending",
                Map.of("Cookie", reviewer.cookie())).body());
        assertEquals(1, queue.at("/counts/pending").asInt(), queue.toString());
        String task = queue.at("/tasks/0/taskId").asText();
        HttpResponse<String> noComment = karaf.send("POST", "/api/v1/reviews/" + task + "/return", "{}",
                reviewer.headers());
        assertEquals(400, noComment.statusCode(), noComment.body());
        exportsTheRosterOfTheQueue(reviewer);
        String draft = pdfText(id, reviewer);
        assertTrue(draft.contains("流程申报人") && draft.contains("草稿"), "CQ-DOC-1: a draft until approved: " + draft);
        HttpResponse<String> approved = karaf.send("POST", "/api/v1/reviews/" + task + "/approve",
                "{\"comment\":\"同意\"}", reviewer.headers());
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("approved", Json.parse(approved.body()).get("status").asText());

        printsTheReviewFormWithThePhoto(id, applicant);
        issuesAndVerifiesTheCertificate(id, applicant);

        JsonNode history = Json.parse(karaf.get("/api/v1/applications/" + id + "/history",
                Map.of("Cookie", applicant.cookie())).body());
        assertEquals("approve", history.get(history.size() - 1).get("action").asText(), history.toString());
        String sibling = matrix.post(admin, "/api/v1/organisations", "{\"parentId\":\"" + root
                + "\",\"type\":\"unit\",\"name\":\"流程外单位\"}", 201).get("id").asText();
        AuthorisationMatrix.Session outsider = matrix.issue(admin, "flow.outsider", sibling, "unit-reviewer",
                "Flow#2026-Strong!");
        assertEquals(404, karaf.get("/api/v1/applications/" + id, Map.of("Cookie", outsider.cookie())).statusCode(),
                "a reviewer of another unit does not see it");
    }

    /**
     * P4: a CMYK JPEG (raw body) and a progressive JPEG (multipart form, replacing it) decode inside Karaf, where
     * ImageIO's plug-in registry does not see bundle class loaders; a GIF is refused with the reason; the original
     * comes back byte for byte as an attachment with its Chinese-safe name, in ranges, and as a re-encoded preview.
     */
    private void uploadsDecodeInsideTheDistribution(String id, AuthorisationMatrix.Session applicant)
            throws Exception {
        byte[] cmyk = resource("media/cmyk-photo.jpg");
        byte[] progressive = resource("media/progressive-photo.jpg");
        Map<String, String> raw = new HashMap<>(applicant.headers());
        raw.put("Content-Type", "application/octet-stream");
        raw.put("X-File-Name", URLEncoder.encode("证件照.jpg", StandardCharsets.UTF_8));
        HttpResponse<String> first = karaf.sendBytes("PUT", "/api/v1/applications/" + id + "/files/photo", cmyk, raw);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(330, Json.parse(first.body()).get("width").asInt(), first.body());

        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(200, 300,
                BufferedImage.TYPE_INT_RGB), "gif", gif);
        HttpResponse<String> refused = karaf.sendBytes("PUT", "/api/v1/applications/" + id + "/files/photo",
                gif.toByteArray(), raw);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("file-type") && refused.body().contains("GIF"), refused.body());
        assertTrue(!refused.body().contains("Exception"), "no stack trace: " + refused.body());

        String boundary = "zhicheng-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(progressive);
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> multipart = new HashMap<>(applicant.headers());
        multipart.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        HttpResponse<String> second = karaf.sendBytes("POST", "/api/v1/applications/" + id + "/files/photo",
                form.toByteArray(), multipart);
        assertEquals(201, second.statusCode(), second.body());
        String file = Json.parse(second.body()).get("id").asText();
        JsonNode listing = Json.parse(karaf.get("/api/v1/applications/" + id + "/files",
                Map.of("Cookie", applicant.cookie())).body());
        assertEquals(1, listing.get("files").size(), "the new photo replaced the old: " + listing);

        String path = "/api/v1/applications/" + id + "/files/photo/" + file;
        HttpResponse<byte[]> original = karaf.getBytes(path, Map.of("Cookie", applicant.cookie()));
        assertEquals(200, original.statusCode());
        assertArrayEquals(progressive, original.body());
        assertTrue(original.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        assertEquals("nosniff", original.headers().firstValue("X-Content-Type-Options").orElseThrow());
        HttpResponse<byte[]> range = karaf.getBytes(path, Map.of("Cookie", applicant.cookie(), "Range", "bytes=2-9"));
        assertEquals(206, range.statusCode());
        assertArrayEquals(Arrays.copyOfRange(progressive, 2, 10),
                range.body());
        HttpResponse<byte[]> preview = karaf.getBytes(path + "?variant=preview", Map.of("Cookie", applicant.cookie()));
        assertEquals(200, preview.statusCode());
        assertEquals(480, ImageIO.read(new ByteArrayInputStream(preview.body())).getHeight());
    }

    /**
     * P5: the example business's review form, laid out inside Karaf (the CJK font read from the documents bundle,
     * PDFBox and ZXing as bundles) with the applicant's answers and the uploaded photo, without the draft watermark
     * once the unit has approved (CQ-DOC-1).
     */
    private void printsTheReviewFormWithThePhoto(String id, AuthorisationMatrix.Session applicant) throws Exception {
        JsonNode offered = Json.parse(karaf.get("/api/v1/applications/" + id + "/documents",
                Map.of("Cookie", applicant.cookie())).body());
        assertEquals("review-form", offered.at("/0/id").asText(), offered.toString());
        assertTrue(offered.at("/0/available").asBoolean());
        HttpResponse<byte[]> pdf = karaf.getBytes("/api/v1/applications/" + id + "/documents/review-form",
                Map.of("Cookie", applicant.cookie()));
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("示例评审表") && text.contains("流程申报人") && text.contains("500103198511200418"),
                    text);
            assertTrue(!text.contains("草稿"), "approved: no draft watermark: " + text);
            assertEquals(1, doc.getPage(0).getResources().getXObjectNames().spliterator().getExactSizeIfKnown(),
                    "the uploaded photo is printed");
        }
        HttpResponse<String> layout = karaf.send("PUT", "/api/v1/applications/" + id
                + "/documents/review-form/layout", "{\"pages\":{\"1\":{\"fontSize\":12}}}", applicant.headers());
        assertEquals(200, layout.statusCode(), layout.body());
        HttpResponse<String> refused = karaf.send("PUT", "/api/v1/applications/" + id
                + "/documents/review-form/layout", "{\"pages\":{\"1\":{\"blankLines\":3}}}", applicant.headers());
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not-adjustable"), refused.body());
    }

    /** CQ-REV-4: the reviewer's pending queue as the example business's Excel roster, read back with POI. */
    private void exportsTheRosterOfTheQueue(AuthorisationMatrix.Session reviewer) throws Exception {
        HttpResponse<byte[]> xlsx = karaf.getBytes("/api/v1/reviews/roster?business=example-profession"
                + "&document=roster&column.specialty=general", Map.of("Cookie", reviewer.cookie()));
        assertEquals(200, xlsx.statusCode(), new String(xlsx.body(), StandardCharsets.UTF_8));
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertEquals("姓名", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum(), "one applicant in the queue");
            assertEquals("flow.applicant", sheet.getRow(1).getCell(0).getStringCellValue(), "the account's name");
            assertEquals("通用", sheet.getRow(1).getCell(2).getStringCellValue(), "a choice by its label");
            assertEquals(12, sheet.getRow(1).getCell(3).getNumericCellValue(), 0.0, "a number stays a number");
            assertEquals("是", sheet.getRow(1).getCell(5).getStringCellValue());
        }
        HttpResponse<byte[]> filtered = karaf.getBytes("/api/v1/reviews/roster?business=example-profession"
                + "&document=roster&column.yearsInField=12", Map.of("Cookie", reviewer.cookie()));
        assertEquals(400, filtered.statusCode(), "yearsInField is not a filterable column");
    }

    /**
     * P5, GD-CERT-1..3: the platform administrator issues the example certificate inside Karaf (the signing key and
     * seal from etc/org.zhicheng.certificates.cfg, Bouncy Castle's CMS as bundles); anyone verifies it by number with
     * the holder masked; the holder lists and downloads it, signed.
     */
    private void issuesAndVerifiesTheCertificate(String id, AuthorisationMatrix.Session applicant) throws Exception {
        HttpResponse<String> issued = karaf.send("POST", "/api/v1/applications/" + id + "/certificate", null,
                admin.headers());
        assertEquals(200, issued.statusCode(), issued.body());
        String number = Json.parse(issued.body()).get("number").asText();
        assertTrue(number.matches("EX20\\d{2}\\d{6}"), number);
        HttpResponse<String> again = karaf.send("POST", "/api/v1/applications/" + id + "/certificate", null,
                admin.headers());
        assertEquals(number, Json.parse(again.body()).get("number").asText(), "issuing again returns it");
        JsonNode verification = Json.parse(karaf.get("/api/v1/certificates/" + number + "/verification").body());
        assertEquals("valid", verification.get("status").asText(), verification.toString());
        assertEquals("f*************", verification.at("/fields/0/value").asText(), "the holder, masked");
        assertEquals(404, karaf.get("/api/v1/certificates/EX209900000001/verification").statusCode());
        JsonNode mine = Json.parse(karaf.get("/api/v1/certificates", Map.of("Cookie", applicant.cookie())).body());
        assertEquals(number, mine.at("/0/number").asText(), mine.toString());
        HttpResponse<byte[]> pdf = karaf.getBytes("/api/v1/certificates/" + number + "/pdf",
                Map.of("Cookie", applicant.cookie()));
        assertEquals(200, pdf.statusCode());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertEquals(1, doc.getSignatureDictionaries().size(), "signed");
        }
        HttpResponse<String> checked = karaf.sendBytes("POST", "/api/v1/certificates/verification", pdf.body(),
                Map.of("Content-Type", "application/pdf"));
        assertEquals(200, checked.statusCode(), checked.body());
        assertEquals("valid", Json.parse(checked.body()).get("outcome").asText(), checked.body());
        assertEquals(number, Json.parse(checked.body()).at("/certificate/number").asText());
        // Anyone may verify, but not harvest the register: at most 60 a minute from one address.
        HttpResponse<String> last = null;
        for (int i = 0; i < 70 && (last == null || last.statusCode() != 429); i++) {
            last = karaf.get("/api/v1/certificates/" + number + "/verification");
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertTrue(last.body().contains("too-many-requests"), last.body());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("示例职称证书") && text.contains(number), text);
        }
    }

    /** The review form's text as {@code s} downloads it. */
    private String pdfText(String id, AuthorisationMatrix.Session s) throws Exception {
        HttpResponse<byte[]> pdf = karaf.getBytes("/api/v1/applications/" + id + "/documents/review-form",
                Map.of("Cookie", s.cookie()));
        assertEquals(200, pdf.statusCode());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DistributionContract.class.getClassLoader().getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    @Test
    @Order(20)
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        new SignInContract(karaf).wrongPasswordsLockTheAccount();
    }

    @Test
    @Order(21)
    void captchaIsAskedAfterAFailureOnceConfigured() throws Exception {
        new SignInContract(karaf).captchaAfterFailures();
    }

    @Test
    @Order(7)
    void removedBusinessLeavesTheList() throws Exception {
        karaf.undeploy(ExampleBundles.FILE_NAME);
        await("example removed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> offered().isEmpty());
        assertEquals(404, karaf.get("/api/v1/businesses/example-profession").statusCode());
    }
}
