package org.zhicheng.bench.rest;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.zhicheng.bench.business.BenchBundle;
import org.zhicheng.itests.AuthorisationMatrix;
import org.zhicheng.itests.AuthorisationMatrix.Session;
import org.zhicheng.itests.Json;
import org.zhicheng.itests.KarafDistribution;
import org.zhicheng.itests.SignInContract;

/**
 * P4: validated ID-photo uploads per second through the REST API of the real distribution, on its embedded H2 and
 * on PostgreSQL, with the heap the distribution used. Each simulated applicant has its own application and uploads
 * distinct GD-PHOTO-2 photos (JPEG only, at most 600 KB, at least 128 × 180 px, 33:48, red or blue background,
 * stored under the ID number), each replacing the last, as a raw body with {@code PUT …/files/photo}. Every
 * upload is sniffed, decoded, checked, stored as a blob, recorded and audited; the replaced one is deleted.
 *
 * <p>System properties: {@code bench.databases} (default {@code h2,postgresql}), {@code bench.threads} (default
 * {@code 1,4,16}), {@code bench.seconds} per level (default 20), {@code zhicheng.test.pg.url}.
 */
public final class PhotoUploadThroughput {

    private static final String PG = System.getProperty("zhicheng.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = "postgres";
    private static final String PASSWORD = "Bench#2026-Upload!";

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        List<String> databases = Arrays.asList(System.getProperty("bench.databases", "h2,postgresql").split(","));
        int[] threads = Arrays.stream(System.getProperty("bench.threads", "1,4,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration level = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        PhotoUploadThroughput bench = new PhotoUploadThroughput();
        for (String database : databases) {
            bench.run(database.strip(), threads, level);
        }
        System.out.println();
        System.out.println("| database | threads | uploads | uploads/s | MB/s in | p50 ms | p95 ms | p99 ms | errors"
                + " | peak heap MB | live heap MB | max heap MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        bench.rows.forEach(System.out::println);
    }

    private void run(String database, int[] threads, Duration level) throws Exception {
        String pgDatabase = null;
        KarafDistribution karaf = KarafDistribution.unpack("bench-" + database);
        try {
            if (database.equals("postgresql")) {
                pgDatabase = "zhicheng_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                adminSql("CREATE DATABASE " + pgDatabase);
                karaf.usePostgres(PG + pgDatabase, PG_USER);
            } else if (!database.equals("h2")) {
                throw new IllegalArgumentException("bench.databases: h2 or postgresql, not " + database);
            }
            karaf.start(Duration.ofMinutes(3));
            System.out.printf("%s: booted in %.1f s%n", database, karaf.bootTime().toMillis() / 1000.0);
            int most = Arrays.stream(threads).max().orElse(1);
            List<Applicant> applicants = prepare(karaf, most);
            List<byte[]> photos = IdPhotos.distinct(64);
            System.out.printf("%s: %d applicants ready; photos of %d–%d bytes%n", database, applicants.size(),
                    photos.stream().mapToInt(p -> p.length).min().orElse(0),
                    photos.stream().mapToInt(p -> p.length).max().orElse(0));
            refusesAWhiteBackground(karaf, applicants.get(0));
            load(karaf, applicants.subList(0, most), photos, Duration.ofSeconds(10)); // warm-up, not reported
            long pid = karaf.jvm().pid();
            for (int t : threads) {
                try (HeapProbe heap = new HeapProbe(pid)) {
                    heap.start();
                    Result r = load(karaf, applicants.subList(0, t), photos, level);
                    heap.close();
                    rows.add(String.format(Locale.ROOT,
                            "| %s | %d | %d | %.1f | %.2f | %.1f | %.1f | %.1f | %d | %d | %d | %d |", database, t,
                            r.ok, r.perSecond(), r.megabytesPerSecond(), r.percentile(50), r.percentile(95),
                            r.percentile(99), r.errors, heap.peakMb(), heap.liveMb(), heap.maxMb()));
                    System.out.println(rows.get(rows.size() - 1));
                }
            }
            checkOneFileEach(karaf, applicants);
        } finally {
            karaf.close();
            if (pgDatabase != null) {
                adminSql("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
            }
        }
    }

    record Applicant(Session session, String application) {
    }

    /** The administrator, a unit, the benchmark business and one applicant with a saved application per thread. */
    private static List<Applicant> prepare(KarafDistribution karaf, int count) throws Exception {
        SignInContract signIn = new SignInContract(karaf);
        signIn.oneTimePasswordMustBeChangedFirst();
        AuthorisationMatrix accounts = new AuthorisationMatrix(karaf);
        Session admin = accounts.session("platform-admin", signIn.signedIn);
        String root = Json.parse(karaf.get("/api/v1/organisations/mine", Map.of("Cookie", admin.cookie())).body())
                .get("id").asText();
        String unit = accounts.post(admin, "/api/v1/organisations", "{\"parentId\":\"" + root
                + "\",\"type\":\"unit\",\"name\":\"基准测试医院\"}", 201).get("id").asText();
        Path bundle = BenchBundle.write(Files.createTempFile("bench-id-photo", ".jar"));
        karaf.deploy(bundle, "bench-id-photo.jar");
        Files.delete(bundle);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!karaf.get("/api/v1/businesses").body().contains("\"bench-id-photo\"")) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the benchmark business was not offered:\n" + karaf.logTail());
            }
            Thread.sleep(200);
        }
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Session s = accounts.issue(admin, "bench.applicant" + i, unit, "applicant", PASSWORD);
            HttpResponse<String> created = karaf.send("POST", "/api/v1/applications",
                    "{\"business\":\"bench-id-photo\"}", s.headers());
            expect(201, created);
            String id = Json.parse(created.body()).get("id").asText();
            Map<String, String> withEtag = new HashMap<>(s.headers());
            withEtag.put("If-Match", created.headers().firstValue("ETag").orElseThrow());
            expect(200, karaf.send("PUT", "/api/v1/applications/" + id, "{\"name\":\"申报人" + i
                    + "\",\"idNumber\":\"" + idNumber(i) + "\"}", withEtag));
            applicants.add(new Applicant(s, id));
        }
        return applicants;
    }

    /** The validation really runs: a white background is refused, and says so. */
    private static void refusesAWhiteBackground(KarafDistribution karaf, Applicant a) throws Exception {
        HttpResponse<String> refused = karaf.sendBytes("PUT", "/api/v1/applications/" + a.application()
                + "/files/photo", IdPhotos.whiteBackground(), upload(a.session()));
        if (refused.statusCode() != 400 || !refused.body().contains("background")) {
            throw new IllegalStateException("a white background must be refused: " + refused.body());
        }
    }

    /** After the run every application holds exactly one photo: each upload replaced the one before. */
    private static void checkOneFileEach(KarafDistribution karaf, List<Applicant> applicants) throws Exception {
        for (Applicant a : applicants) {
            HttpResponse<String> files = karaf.get("/api/v1/applications/" + a.application() + "/files",
                    Map.of("Cookie", a.session().cookie()));
            int count = Json.parse(files.body()).get("files").size();
            if (count > 1) {
                throw new IllegalStateException(a.application() + " holds " + count + " photos: " + files.body());
            }
        }
    }

    private static Map<String, String> upload(Session s) {
        Map<String, String> headers = new HashMap<>(s.headers());
        headers.put("Content-Type", "application/octet-stream");
        headers.put("X-File-Name", URLEncoder.encode("证件照.jpg", StandardCharsets.UTF_8));
        return headers;
    }

    /** Each applicant's thread uploads photos back to back for {@code length}; latencies of successes only. */
    private static Result load(KarafDistribution karaf, List<Applicant> applicants, List<byte[]> photos,
            Duration length) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(applicants.size());
        long end = System.nanoTime() + length.toNanos();
        List<Future<Result>> futures = new ArrayList<>();
        for (int i = 0; i < applicants.size(); i++) {
            Applicant a = applicants.get(i);
            int offset = i * 7;
            futures.add(pool.submit(() -> {
                Result r = new Result(length);
                HttpRequest.Builder request = HttpRequest.newBuilder(karaf.base().resolve("/api/v1/applications/"
                        + a.application() + "/files/photo")).timeout(Duration.ofSeconds(30));
                upload(a.session()).forEach(request::header);
                for (int n = offset; System.nanoTime() < end; n++) {
                    byte[] photo = photos.get(n % photos.size());
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request.PUT(HttpRequest.BodyPublishers.ofByteArray(
                            photo)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        r.record(System.nanoTime() - start, photo.length);
                    } else {
                        r.errors++;
                        if (r.errors == 1) {
                            System.err.println("upload answered " + response.statusCode() + ": " + response.body());
                        }
                    }
                }
                return r;
            }));
        }
        Result total = new Result(length);
        for (Future<Result> f : futures) {
            total.add(f.get());
        }
        pool.shutdown();
        return total;
    }

    /** Uploads that succeeded, their latencies and bytes, and the failures. */
    static final class Result {
        private final Duration length;
        private long[] latencies = new long[1024];
        int ok;
        int errors;
        long bytes;

        Result(Duration length) {
            this.length = length;
        }

        void record(long nanos, int size) {
            if (ok == latencies.length) {
                latencies = Arrays.copyOf(latencies, ok * 2);
            }
            latencies[ok++] = nanos;
            bytes += size;
        }

        void add(Result other) {
            for (int i = 0; i < other.ok; i++) {
                record(other.latencies[i], 0);
            }
            bytes += other.bytes;
            errors += other.errors;
        }

        double perSecond() {
            return ok / (length.toMillis() / 1000.0);
        }

        double megabytesPerSecond() {
            return bytes / (1024.0 * 1024.0) / (length.toMillis() / 1000.0);
        }

        double percentile(int p) {
            if (ok == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, ok);
            Arrays.sort(sorted);
            return sorted[Math.min(ok - 1, (int) Math.ceil(p / 100.0 * ok) - 1)] / 1e6;
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** A valid resident ID number (GB 11643, ISO 7064 MOD 11-2 check digit) for applicant {@code i}. */
    static String idNumber(int i) {
        String body = "440106" + "1985" + String.format(Locale.ROOT, "%02d%02d", 1 + i % 12, 1 + i % 28)
                + String.format(Locale.ROOT, "%03d", i % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * weights[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static void adminSql(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", PG_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
