package org.zhicheng.media.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written PDFs as raw bytes, for structures PDFBox would never write: lying counts, cyclic or deep page trees,
 * hostile action chains. Object {@code n} is {@code objects.get(n - 1)}; object 1 is the catalog.
 */
final class RawPdf {

    private RawPdf() {
    }

    /** A file with a correct cross-reference table. */
    static byte[] of(String... objects) {
        return build(List.of(objects), true);
    }

    static byte[] of(List<String> objects) {
        return build(objects, true);
    }

    /** A file whose cross-reference offsets are all wrong, so PDFBox must rebuild it by scanning. */
    static byte[] withBrokenXref(List<String> objects) {
        return build(objects, false);
    }

    /** A catalog, a Pages root and {@code pages} A4 pages, each with {@code pageExtra} in its dictionary. */
    static List<String> pages(int pages, String pageExtra) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(i + 3).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        for (int i = 0; i < pages; i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] " + pageExtra + " >>");
        }
        return objects;
    }

    private static byte[] build(List<String> objects, boolean correctXref) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", correctXref ? offset : offset + 7));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(correctXref ? xref : xref + 3).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
