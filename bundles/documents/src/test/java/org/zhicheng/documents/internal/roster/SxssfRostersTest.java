package org.zhicheng.documents.internal.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhicheng.api.documents.Rosters;
import org.zhicheng.api.documents.Rosters.RowSource;

/**
 * {@link SxssfRosters}, the POI SXSSF baseline, held to {@link RostersContract} (CQ-REV-4, FJ-8), and its temporary
 * files: POI's temporary directory is a private one here, so that what SXSSF leaves behind can be seen.
 */
class SxssfRostersTest extends RostersContract {

    @TempDir
    Path poiTemp;

    @Override
    Rosters rosters() {
        return new SxssfRosters();
    }

    @BeforeEach
    void privateTemporaryDirectory() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
    }

    @AfterEach
    void defaultTemporaryDirectory() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    /** The sheet's temporary file exists while rows are written, and is gone once the roster is. */
    @Test
    void theTemporaryFileIsGoneAfterwards() throws Exception {
        int[] served = {0};
        List<List<String>> seen = new ArrayList<>();
        RowSource rows = () -> {
            if (served[0] == 500) {
                seen.add(temporaryFiles());
            }
            return served[0] < 1_000 ? SampleRoster.row(++served[0]) : null;
        };
        assertEquals(1_000, rosters().write("待审名单", SampleRoster.COLUMNS, rows, new CountingStream()));
        assertEquals(1, seen.size());
        assertSpilled(seen.get(0));
        assertEquals(List.of(), temporaryFiles(), "nothing left behind");
    }

    /** CQ-REV-4: when the row source fails part way, its exception comes out and no temporary file is left. */
    @Test
    void noTemporaryFileIsLeftWhenTheSourceFails() throws Exception {
        IOException broken = new IOException("the database connection was lost");
        List<List<String>> seen = new ArrayList<>();
        int[] served = {0};
        RowSource failing = () -> {
            if (served[0] == 500) {
                seen.add(temporaryFiles());
                throw broken;
            }
            return SampleRoster.row(++served[0]);
        };
        TrackingStream out = new TrackingStream();
        assertSame(broken, assertThrows(IOException.class,
                () -> rosters().write("待审名单", SampleRoster.COLUMNS, failing, out)));
        assertSpilled(seen.get(0));
        assertEquals(List.of(), temporaryFiles(), "nothing left behind");
        assertEquals(0, out.size(), "nothing of a broken workbook reaches the stream");
    }

    /** Nor when a row is refused part way. */
    @Test
    void noTemporaryFileIsLeftWhenARowIsRefused() throws Exception {
        int[] served = {0};
        RowSource refused = () -> {
            served[0]++;
            return served[0] == 300 ? List.of("多", "出", "来", "的", "列", "太", "多", "了", "啊", "呀", "呢", "吧", "吗")
                    : SampleRoster.row(served[0]);
        };
        assertThrows(IllegalArgumentException.class,
                () -> rosters().write("待审名单", SampleRoster.COLUMNS, refused, new CountingStream()));
        assertEquals(List.of(), temporaryFiles(), "nothing left behind");
    }

    private static void assertSpilled(List<String> files) {
        assertTrue(files.stream().anyMatch(name -> name.startsWith("poi-sxssf-sheet") && name.endsWith(".gz")),
                "SXSSF spilled rows into a compressed temporary file in the private directory: " + files);
    }

    private List<String> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(poiTemp)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
