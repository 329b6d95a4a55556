package org.zhicheng.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.zhicheng.api.documents.Rosters.RowSource;
import org.zhicheng.bench.RosterData.CountingStream;
import org.zhicheng.bench.RosterData.Writer;

/**
 * P5 item 3 (CQ-REV-4 queue export, FJ-8 "export Excel"): one roster of 100,000 rows × 12 columns written to a
 * counting, discarding stream by the bundle's {@code FastExcelRosters}, by {@code SxssfRosters} (the same checks
 * and cells with POI SXSSF) and by POI SXSSF written directly ("plain SXSSF"), side by side in one run so that the
 * ratio survives a noisy machine; {@code rowsOnly} is what making up the rows costs all three. Each write is timed
 * whole (single shot), in a JVM whose heap is capped at 64 MB: a writer that needed more would fail here. Targets:
 * at most 1.0 s per roster, and at least 1.7 × faster than plain SXSSF. {@link RosterHeap} reports the heap each
 * one needs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms64m", "-Xmx64m",
    "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory"})
public class RosterBench {

    @Benchmark
    public long fastExcelRosters() throws IOException {
        return write(Writer.FASTEXCEL_ROSTERS);
    }

    @Benchmark
    public long sxssfRosters() throws IOException {
        return write(Writer.SXSSF_ROSTERS);
    }

    @Benchmark
    public long plainSxssf() throws IOException {
        return write(Writer.PLAIN_SXSSF);
    }

    @Benchmark
    public void rowsOnly(Blackhole hole) throws IOException {
        RowSource rows = RosterData.rows(RosterData.ROWS);
        for (List<?> row = rows.next(); row != null; row = rows.next()) {
            hole.consume(row);
        }
    }

    /** The workbook's size in bytes, after checking that every row was written. */
    private static long write(Writer writer) throws IOException {
        CountingStream out = new CountingStream();
        long rows = writer.write(RosterData.ROWS, out);
        if (rows != RosterData.ROWS) {
            throw new IllegalStateException(writer + " wrote " + rows + " rows");
        }
        return out.bytes;
    }
}
