package org.zhicheng.certificates.internal.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.Deflater;

/**
 * Hand-made PDFs whose compressed structures expand far beyond their size: PDFBox inflates object and
 * cross-reference streams wholly in memory, so the signature check must measure them first (as the evidence upload
 * check does, see {@code org.zhicheng.media.pdf.BadPdfs}).
 */
final class HostilePdfs {

    private HostilePdfs() {
    }

    /**
     * The catalog's /AcroForm (object 5) sits in an object stream encoded as hex over deflate, which expands to
     * {@code megabytes} MB: the raw scan cannot see through the hex, the object-stream check after loading must.
     */
    static byte[] objectStreamBomb(int megabytes) {
        String hex = HexFormat.of().formatHex(deflate(new byte[0], megabytes)) + ">";
        String[] bodies = {
            "<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] >>",
            "<< /Type /ObjStm /N 1 /First 4 /Length " + hex.length()
                    + " /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n" + hex + "\nendstream",
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = objects(out, bodies);
        long xref = out.size();
        // Cross-reference stream, /W [1 4 2]: free 0; objects 1-4 plain; 5 compressed in object stream 4; 6 itself.
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        row(rows, 0, 0, 65535);
        for (int i = 1; i <= 4; i++) {
            row(rows, 1, offsets[i], 0);
        }
        row(rows, 2, 4, 0);
        row(rows, 1, xref, 0);
        write(out, "6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length " + rows.size()
                + " >>\nstream\n");
        out.writeBytes(rows.toByteArray());
        write(out, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** A cross-reference stream whose rows are followed by {@code megabytes} MB of zeros, all deflated. */
    static byte[] xrefStreamBomb(int megabytes) {
        String[] bodies = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] >>",
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = objects(out, bodies);
        long xref = out.size();
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        row(rows, 0, 0, 65535);
        for (int i = 1; i <= 3; i++) {
            row(rows, 1, offsets[i], 0);
        }
        row(rows, 1, xref, 0);
        byte[] data = deflate(rows.toByteArray(), megabytes);
        write(out, "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length "
                + data.length + " >>\nstream\n");
        out.writeBytes(data);
        write(out, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** Writes the header and objects 1.. n; returns their offsets (index = object number). */
    private static long[] objects(ByteArrayOutputStream out, String[] bodies) {
        write(out, "%PDF-1.7\n");
        long[] offsets = new long[bodies.length + 1];
        for (int i = 0; i < bodies.length; i++) {
            offsets[i + 1] = out.size();
            write(out, (i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n");
        }
        return offsets;
    }

    /** {@code head}, then {@code megabytes} MB of zeros, deflated. */
    private static byte[] deflate(byte[] head, int megabytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        deflater.setInput(head);
        drain(deflater, out, buffer);
        byte[] zeros = new byte[1024 * 1024];
        for (int i = 0; i < megabytes; i++) {
            deflater.setInput(zeros);
            drain(deflater, out, buffer);
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void drain(Deflater deflater, ByteArrayOutputStream out, byte[] buffer) {
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
    }

    private static void row(ByteArrayOutputStream rows, int type, long field2, int field3) {
        rows.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            rows.write((int) (field2 >>> shift) & 0xff);
        }
        rows.write(field3 >>> 8 & 0xff);
        rows.write(field3 & 0xff);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
