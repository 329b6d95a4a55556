package org.zhicheng.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The assembled distribution, unpacked into its own directory and started as a separate process on free ports.
 * {@link #close()} stops the process tree whatever happened, and a shutdown hook does so if the test JVM dies.
 */
public final class KarafDistribution implements AutoCloseable {

    static final Path ARTIFACTS = Path.of(System.getProperty("zhicheng.it.artifacts", "target/it-artifacts"));
    static final Path WORK = Path.of(System.getProperty("zhicheng.it.work", "target/karaf"));

    private final Path home;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    /** The SMTP server the distribution sends its mail to. */
    private final GreenMail mail;
    private Thread shutdownHook;
    private Duration bootTime;

    private KarafDistribution(Path home, int httpPort) {
        this.mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks a fresh copy of the distribution and gives it free ports and personal-data keys. */
    public static KarafDistribution unpack(String name) throws IOException, InterruptedException {
        return unpack(name, true);
    }

    /** Unpacks a fresh copy of the distribution; {@code withKeys} false leaves the personal-data keys out. */
    static KarafDistribution unpack(String name, boolean withKeys) throws IOException, InterruptedException {
        Path dir = WORK.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(dir);
        Path tarball = ARTIFACTS.resolve("zhicheng-distribution.tar.gz").toAbsolutePath();
        run(dir, "tar", "-xzf", tarball.toString(), "--strip-components=1");
        KarafDistribution karaf = new KarafDistribution(dir, freePort());
        karaf.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                String.valueOf(karaf.httpPort));
        karaf.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort()));
        // Personal-data keys are per deployment and never in the repository: each test run makes its own.
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] sm4 = new byte[16];
        byte[] lookup = new byte[32];
        random.nextBytes(sm4);
        random.nextBytes(lookup);
        if (withKeys) {
            karaf.setProperty("etc/org.zhicheng.identity.cfg", "pii.encryptionKey",
                    java.util.Base64.getEncoder().encodeToString(sm4));
            karaf.setProperty("etc/org.zhicheng.identity.cfg", "pii.lookupKey",
                    java.util.Base64.getEncoder().encodeToString(lookup));
            karaf.certificateSigning();
        }
        // Short enough to see a removed business leave the list within a test.
        karaf.setProperty("etc/org.zhicheng.registry.cfg", "detachedGraceSeconds", "5");
        // The lockout and matrix tests make failed sign-ins on purpose; the captcha test turns captchas on later.
        karaf.setProperty("etc/org.zhicheng.identity.cfg", "captcha.afterFailures", "100");
        // Recovery links point at this instance; its mail goes to the test's own SMTP server.
        karaf.setProperty("etc/org.zhicheng.identity.cfg", "recovery.publicUrl", "http://127.0.0.1:" + karaf.httpPort);
        karaf.mail.start();
        karaf.setProperty("etc/org.zhicheng.notification.cfg", "smtp.host", "127.0.0.1");
        karaf.setProperty("etc/org.zhicheng.notification.cfg", "smtp.port",
                String.valueOf(karaf.mail.getSmtp().getPort()));
        karaf.setProperty("etc/org.zhicheng.notification.cfg", "smtp.security", "none");
        karaf.setProperty("etc/org.zhicheng.notification.cfg", "from", "zhicheng@zhicheng.test");
        karaf.setProperty("etc/org.zhicheng.notification.cfg", "pollSeconds", "1");
        karaf.setProperty("etc/org.zhicheng.identity.cfg", "captcha.addressAfterFailures", "1000");
        return karaf;
    }

    /** The password of the signing keystore this run made; never a fixed one. */
    private final String signingPassword = UUID.randomUUID().toString();

    /**
     * A certificate signing key (RSA-2048, self-signed, made now) and the example business's seal, outside etc/ and
     * configured in etc/org.zhicheng.certificates.cfg, as a deployment keeps them.
     */
    private void certificateSigning() throws IOException {
        try {
            java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            java.security.KeyPair pair = rsa.generateKeyPair();
            org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name(
                    "CN=Zhicheng integration tests, C=CN");
            java.security.cert.X509Certificate certificate = new org.bouncycastle.cert.jcajce
                    .JcaX509CertificateConverter().getCertificate(new org.bouncycastle.cert.jcajce
                            .JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
                                    java.util.Date.from(Instant.now().minusSeconds(86_400)),
                                    java.util.Date.from(Instant.now().plusSeconds(86_400)), name, pair.getPublic())
                            .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                                    .build(pair.getPrivate())));
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signing", pair.getPrivate(), signingPassword.toCharArray(),
                    new java.security.cert.Certificate[] {certificate});
            Path secrets = Files.createDirectories(home.resolve("secrets"));
            Path keystore = secrets.resolve("signing.p12");
            try (var out = Files.newOutputStream(keystore)) {
                store.store(out, signingPassword.toCharArray());
            }
            java.awt.image.BufferedImage seal = new java.awt.image.BufferedImage(200, 200,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = seal.createGraphics();
            g.setColor(new java.awt.Color(220, 20, 30, 230));
            g.fillOval(10, 10, 180, 180);
            g.dispose();
            Path sealFile = secrets.resolve("example-seal.png");
            javax.imageio.ImageIO.write(seal, "png", sealFile.toFile());
            setProperty("etc/org.zhicheng.certificates.cfg", "signing.keystore", keystore.toString());
            setProperty("etc/org.zhicheng.certificates.cfg", "signing.password", signingPassword);
            setProperty("etc/org.zhicheng.certificates.cfg", "seal.example-seal.image", sealFile.toString());
        } catch (java.security.GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException("cannot make the test signing key", e);
        }
    }

    /** The mail the distribution sent so far. */
    GreenMail mail() {
        return mail;
    }

    /** Sets (or adds) one key of a {@code .cfg} or {@code .properties} file of the distribution. */
    public void setProperty(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        String text = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        Pattern line = Pattern.compile("(?m)^\\s*#?\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        Matcher m = line.matcher(text);
        String replacement = Matcher.quoteReplacement(key + " = " + value);
        text = m.find() ? m.replaceFirst(replacement) : text + "\n" + key + " = " + value + "\n";
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    /** Replaces a whole configuration file. */
    public void writeConfig(String file, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(home.resolve(file), text.toString(), StandardCharsets.UTF_8);
    }

    /** Switches the distribution to PostgreSQL by configuration only (trust authentication, no password). */
    public void usePostgres(String jdbcUrl, String user) throws IOException {
        Map<String, String> cfg = new java.util.LinkedHashMap<>();
        cfg.put("osgi.jdbc.driver.class", "org.postgresql.Driver");
        cfg.put("url", jdbcUrl);
        cfg.put("user", user);
        cfg.put("password", "");
        cfg.put("dataSourceName", "zhicheng");
        cfg.put("pool", "dbcp2");
        cfg.put("xa", "false");
        cfg.put("jdbc.pool.maxTotal", "16");
        writeConfig("etc/org.ops4j.datasource-zhicheng.cfg", cfg);
    }

    /** Starts {@code bin/karaf server} and waits until {@code /api/health} and the home page answer 200. */
    public void start(Duration timeout) throws IOException {
        Instant begin = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        process = builder.start();
        Process started = process;
        shutdownHook = new Thread(() -> destroyTree(started));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            await("healthy " + base()).atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .failFast("Karaf exited; see " + home.resolve("console.log"), () -> !started.isAlive())
                    .ignoreExceptions().until(() -> get("/api/health").statusCode() == 200
                            && get("/").statusCode() == 200);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Karaf did not become healthy; log tail:\n" + logTail(), e);
        }
        bootTime = Duration.between(begin, Instant.now());
    }

    /** The Karaf JVM itself (bin/karaf runs java as a child), e.g. for a benchmark to read its heap with jcmd. */
    public ProcessHandle jvm() {
        return process.descendants().filter(h -> h.info().command().orElse("").endsWith("/java")).findFirst()
                .orElse(process.toHandle());
    }

    public Duration bootTime() {
        return bootTime;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public Path home() {
        return home;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET whose answer is bytes, e.g. a downloaded file. */
    HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request with a binary body, e.g. an uploaded spreadsheet. */
    public HttpResponse<String> sendBytes(String method, String path, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request with a JSON body (or none) and the given headers. */
    public HttpResponse<String> send(String method, String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Copies a bundle into {@code deploy/} the way an administrator drops one in; replacing a file updates it. */
    public void deploy(Path bundle, String asName) throws IOException {
        Path deploy = home.resolve("deploy");
        Path staging = deploy.resolve("." + asName + ".part");
        Files.copy(bundle, staging, StandardCopyOption.REPLACE_EXISTING);
        // An atomic rename, so the deployer never reads half a jar.
        Files.move(staging, deploy.resolve(asName), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    void undeploy(String name) throws IOException {
        Files.deleteIfExists(home.resolve("deploy").resolve(name));
    }

    public String logTail() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8)
                    : Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8);
            return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String log() throws IOException {
        return Files.readString(home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        mail.stop();
        if (process != null) {
            destroyTree(process);
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook runs anyway
                }
            }
        }
    }

    /** bin/karaf is a script that runs java as a child: stop the children too. */
    private static void destroyTree(Process process) {
        var descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle h : descendants) {
            h.onExit().completeOnTimeout(h, 30, java.util.concurrent.TimeUnit.SECONDS).join();
            h.destroyForcibly();
        }
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with " + p.exitValue());
        }
    }
}
