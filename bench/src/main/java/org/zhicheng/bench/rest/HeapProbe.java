package org.zhicheng.bench.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of another JVM, read with {@code jcmd} (the JDK's own tool): sampled while a load runs for the peak in
 * use (live objects and garbage not yet collected), and after a full collection for what stays live.
 */
final class HeapProbe implements AutoCloseable {

    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern MAX = Pattern.compile("MaxHeapSize=(\\d+)");

    private final long pid;
    private final AtomicLong peakKb = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-probe");
        t.setDaemon(true);
        return t;
    });

    HeapProbe(long pid) {
        this.pid = pid;
    }

    /** Starts sampling every half second, from a fresh peak. */
    void start() {
        peakKb.set(0);
        sampler.scheduleAtFixedRate(() -> peakKb.accumulateAndGet(usedKb(), Math::max), 0, 500,
                TimeUnit.MILLISECONDS);
    }

    long peakMb() {
        return peakKb.get() / 1024;
    }

    /** The heap in use after a full collection, in MB. */
    long liveMb() {
        jcmd("GC.run");
        return usedKb() / 1024;
    }

    long maxMb() {
        Matcher m = MAX.matcher(jcmd("VM.flags"));
        return m.find() ? Long.parseLong(m.group(1)) / (1024 * 1024) : -1;
    }

    private long usedKb() {
        Matcher m = USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(2)) : 0;
    }

    private String jcmd(String command) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
