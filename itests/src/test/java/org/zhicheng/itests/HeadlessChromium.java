package org.zhicheng.itests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless: loads a page, runs its scripts and returns the resulting DOM. Missing Chromium
 * skips the test with a message, except under CI=true where {@code .ci/run} installs it and its absence fails.
 */
final class HeadlessChromium implements AutoCloseable {

    private final String executable;
    private final Path profile;

    private HeadlessChromium(String executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    static HeadlessChromium find() throws IOException {
        String executable = System.getProperty("zhicheng.it.chromium", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(executable))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium is required under CI=true but " + executable
                        + " is missing (apt-get install chromium)");
            }
            System.err.println("SKIPPED: browser test needs Chromium at " + executable
                    + " (apt-get install chromium)");
            assumeTrue(false, "no Chromium at " + executable);
        }
        return new HeadlessChromium(executable, Files.createTempDirectory("zhicheng-chromium-"));
    }

    String dumpDom(URI page) throws IOException, InterruptedException {
        Path out = Files.createTempFile(profile, "dom-", ".html");
        Process p = new ProcessBuilder(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
                page.toString()))
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Chromium did not finish loading " + page);
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
