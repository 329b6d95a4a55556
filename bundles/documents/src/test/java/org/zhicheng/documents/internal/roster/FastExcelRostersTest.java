package org.zhicheng.documents.internal.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zhicheng.api.documents.Rosters;
import org.zhicheng.api.documents.Rosters.RowSource;

/** {@link FastExcelRosters}, the bundle's roster writer (CQ-REV-4, FJ-8), held to {@link RostersContract}. */
class FastExcelRostersTest extends RostersContract {

    @Override
    Rosters rosters() {
        return new FastExcelRosters();
    }

    /**
     * CQ-REV-4: the workbook streams into the caller's stream while rows are still being read (a download starts at
     * once, and nothing piles up in memory or in a temporary file).
     */
    @Test
    void bytesReachTheStreamWhileRowsAreStillComing() throws Exception {
        CountingStream out = new CountingStream();
        long[] seen = new long[1];
        int[] served = {0};
        RowSource rows = () -> {
            if (served[0] == 5_000) {
                seen[0] = out.count;
            }
            return served[0] < 6_000 ? SampleRoster.row(++served[0]) : null;
        };
        assertEquals(6_000, rosters().write("待审名单", SampleRoster.COLUMNS, rows, out));
        assertTrue(seen[0] > 0, "bytes were written before the last row");
        assertTrue(out.count > seen[0]);
    }
}
