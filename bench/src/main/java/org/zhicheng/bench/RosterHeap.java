package org.zhicheng.bench;

import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import org.zhicheng.bench.RosterData.CountingStream;
import org.zhicheng.bench.RosterData.Writer;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap each roster writer of {@link RosterBench} needs for its 100,000 × 12 roster. Each writer runs in a fresh
 * JVM per heap cap ({@code -Xmx64m}, then 32, 16 and 8 MB), which writes the roster twice (cold, then warm) and
 * reports whether it completed, both times, and the most heap still in use after any garbage collection during the
 * writes ("peak after GC": what the writer holds, plus old garbage not yet collected, so an upper bound of its live
 * set). The smallest cap that completes is the honest "heap" answer; the time at 64 MB should match RosterBench's.
 *
 * <p>{@code mvn -Pbench -pl bench exec:exec@roster-heap}; {@code -Dbench.rows=} changes the row count.
 */
public final class RosterHeap {

    private static final int[] CAPS_MB = {64, 32, 16, 8};

    private RosterHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--child")) {
            child(Writer.valueOf(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int rows = Integer.getInteger("bench.rows", RosterData.ROWS);
        List<String> lines = new ArrayList<>();
        for (Writer writer : Writer.values()) {
            for (int cap : CAPS_MB) {
                String result = run(writer, rows, cap);
                System.out.println(writer + " -Xmx" + cap + "m: " + result);
                String[] f = result.split(" ");
                if (f[0].equals("OK")) {
                    lines.add(String.format(Locale.ROOT, "| %s | %d | yes | %s | %s | %.1f | %.1f | %.1f |", writer,
                            cap, f[1], f[2], Long.parseLong(f[3]) / 1e6, Long.parseLong(f[4]) / 1024.0,
                            Long.parseLong(f[5]) / 1024.0));
                } else {
                    lines.add("| " + writer + " | " + cap + " | no (" + result + ") | | | | | |");
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d rows x %d columns%n", rows, RosterData.COLUMNS.size());
        System.out.println("| writer | -Xmx MB | completes | cold ms | warm ms | file MB | heap before MB"
                + " | peak after GC MB |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|");
        lines.forEach(System.out::println);
    }

    /** One writer in a fresh JVM with the given heap cap; its RESULT line, or why there is none. */
    private static String run(Writer writer, int rows, int capMb) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xms" + capMb + "m", "-Xmx" + capMb + "m",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-cp", System.getProperty("java.class.path"), RosterHeap.class.getName(), "--child", writer.name(),
                String.valueOf(rows));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return "timed out";
        }
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                return line.substring("RESULT ".length());
            }
        }
        String last = output.strip();
        int cut = last.lastIndexOf('\n');
        return "exit " + process.exitValue() + ": " + (cut >= 0 ? last.substring(cut + 1) : last);
    }

    /** In the fresh JVM: the writes, watched by GC notifications. */
    private static void child(Writer writer, int rows) throws Exception {
        AtomicLong peakAfterGc = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData());
                    long used = 0;
                    // The map has the non-heap pools too (metaspace, code cache): only the heap's count.
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(pool.getKey())) {
                            used += pool.getValue().getUsed();
                        }
                    }
                    peakAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        System.gc();
        Thread.sleep(100);
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakAfterGc.set(0);
        try {
            long[] millis = new long[2];
            long bytes = 0;
            for (int i = 0; i < 2; i++) {
                CountingStream out = new CountingStream();
                long start = System.nanoTime();
                long written = writer.write(rows, out);
                millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (written != rows) {
                    throw new IllegalStateException(writer + " wrote " + written + " rows");
                }
                bytes = out.bytes;
            }
            Thread.sleep(200); // the last GC notifications arrive on another thread
            System.out.println("RESULT OK " + millis[0] + " " + millis[1] + " " + bytes + " " + heapBefore / 1024
                    + " " + peakAfterGc.get() / 1024);
        } catch (OutOfMemoryError e) {
            System.out.println("RESULT OutOfMemoryError");
        }
    }
}
