package org.zhicheng.media.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhicheng.documents.pdf.CompressedStreams;
import org.zhicheng.documents.pdf.CompressedStreams.Raw;

class CompressedStreamsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void rawScanCountsWhatDeflateStreamsExpandTo() {
        byte[] sample = SamplePdfs.a4(10);

        assertEquals(Raw.WITHIN_BOUNDS, CompressedStreams.scanRaw(sample, 64 * MB, 1024 * MB));
        assertEquals(Raw.OVERSIZED, CompressedStreams.scanRaw(sample, 10, 1024 * MB), "per-stream bound");
        assertEquals(Raw.OVERSIZED, CompressedStreams.scanRaw(sample, 64 * MB, 500), "total bound");
    }

    @Test
    void objectStreamBombIsCaughtAfterLoadingNotByTheRawScan() {
        byte[] bomb = BadPdfs.objectStreamBomb(70);

        assertEquals(Raw.WITHIN_BOUNDS, CompressedStreams.scanRaw(bomb, 64 * MB, 1024 * MB), "hex hides the data");
        PdfReport report = new PdfInspector(PdfLimits.defaults()).inspect(bomb, null);
        assertEquals(List.of("pdf-oversized-stream"), report.refusals().stream().map(f -> f.code()).toList());
        // Under the bound it is only a broken file, not a bomb.
        PdfReport small = new PdfInspector(PdfLimits.defaults()).inspect(BadPdfs.objectStreamBomb(1), null);
        assertFalse(small.refusals().stream().anyMatch(f -> f.code().equals("pdf-oversized-stream")));
    }

    @Test
    void givesUpOnFilesMadeOfStreamKeywords() {
        StringBuilder text = new StringBuilder("%PDF-1.7\n");
        while (text.length() < 2_000_000) {
            text.append("<<>>stream\nx\u009c\u0001\u0002 mainstream\n streams\n");
        }
        byte[] pdf = text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertEquals(Raw.TOO_MANY_STREAMS, CompressedStreams.scanRaw(pdf, 64 * MB, 1024 * MB));
        PdfReport report = new PdfInspector(PdfLimits.defaults()).inspect(pdf, null);
        assertEquals(List.of("pdf-too-complex"), report.refusals().stream().map(f -> f.code()).toList());
    }

    @Test
    void formatsPageRuns() {
        assertEquals("1–3、5、7–8", PdfFindings.ranges(List.of(1, 2, 3, 5, 7, 8), "、"));
        assertEquals("1, 3, 5, 7, 9, 11, 13, 15, 17, 19, …",
                PdfFindings.ranges(List.of(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21), ", "));
    }
}
