package org.zhicheng.documents.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.osgi.service.component.annotations.Component;
import org.zhicheng.api.documents.SpreadsheetException;
import org.zhicheng.api.documents.Spreadsheets;

/**
 * {@link Spreadsheets} with Apache POI, embedded in this bundle.
 *
 * <p>The upload is first copied to a private temporary file, counting bytes ({@code maxBytes}); the format is then
 * told by its first bytes ({@link FileMagic}), never by a name: an OLE2 container is an {@code .xls} workbook, or an
 * encrypted OOXML file when it holds an {@code EncryptionInfo} stream; a zip package is an {@code .xlsx}; anything
 * else is refused. Both formats are read streaming ({@link XlsxSheet}, {@link XlsSheet}), with POI's zip-bomb guard
 * ({@code ZipSecureFile}) left at its defaults.
 *
 * <p>Rows reach the handler as they are read: when a limit is exceeded part way, the rows before it have already
 * been delivered and the caller discards them on the exception.
 */
@Component(service = Spreadsheets.class)
public final class PoiSpreadsheets implements Spreadsheets {

    @Override
    public void read(InputStream content, Limits limits, RowHandler handler) throws SpreadsheetException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(handler, "handler");
        Path file = null;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // POI and XMLBeans may look classes and XML factories up through the context class loader: make it this
        // bundle's, which sees the embedded libraries.
        thread.setContextClassLoader(PoiSpreadsheets.class.getClassLoader());
        try {
            file = copy(content, limits.maxBytes());
            RowAssembler rows = new RowAssembler(limits, handler);
            FileMagic magic = FileMagic.valueOf(file.toFile());
            switch (magic) {
                case OLE2 -> readOle2(file.toFile(), rows);
                case OOXML -> XlsxSheet.read(file.toFile(), rows);
                case BIFF2, BIFF3, BIFF4 -> throw Failures.oldExcelFormat();
                default -> throw Failures.notASpreadsheet();
            }
        } catch (RowAssembler.Stop stop) {
            throw stop.refusal();
        } catch (RowAssembler.HandlerFailure failure) {
            throw failure.original();
        } catch (SpreadsheetException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw Failures.encrypted(e);
        } catch (Exception e) {
            RowAssembler.HandlerFailure handlerFailure = find(e, RowAssembler.HandlerFailure.class);
            if (handlerFailure != null) {
                throw handlerFailure.original();
            }
            throw failure(e);
        } finally {
            thread.setContextClassLoader(previous);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Copies the upload to a temporary file readable by its owner only, refusing it beyond {@code maxBytes}. */
    private static Path copy(InputStream content, long maxBytes) throws IOException, SpreadsheetException {
        Path file = Files.createTempFile("zhicheng-spreadsheet-", ".upload");
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = content.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw Failures.tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
        return file;
    }

    private static void readOle2(File file, RowAssembler rows) throws IOException, SpreadsheetException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file, true)) {
            DirectoryNode root = fs.getRoot();
            if (entry(root, "EncryptionInfo") != null || entry(root, "EncryptedPackage") != null) {
                // An .xlsx (or .docx ...) with an open password: OOXML encryption wraps the package in OLE2.
                throw Failures.encrypted(null);
            }
            String workbook = entry(root, "Workbook");
            if (workbook != null) {
                XlsSheet.read(root, workbook, rows);
                return;
            }
            if (entry(root, "Book") != null) {
                throw Failures.oldExcelFormat();
            }
            // A Word or PowerPoint 97-2003 document, an Outlook message, ...
            throw Failures.notASpreadsheet();
        }
    }

    /** The name of a top-level entry, compared without case as Excel does; null when absent. */
    private static String entry(DirectoryNode root, String name) {
        for (Entry entry : root) {
            if (entry.getName().equalsIgnoreCase(name)) {
                return entry.getName();
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Everything else POI can throw: a damaged file, unless the cause says bomb or strict OOXML. */
    private static SpreadsheetException failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitedInputStream.Exceeded) {
                return Failures.unpackedTooLarge(e);
            }
            String message = t.getMessage();
            if (message != null && message.contains("Zip bomb detected")) {
                return Failures.unpackedTooLarge(e);
            }
            if (t instanceof POIXMLException && message != null && message.contains("Strict OOXML")) {
                return Failures.strictOpenXml(e);
            }
            if (t instanceof EncryptedDocumentException) {
                return Failures.encrypted(e);
            }
            if (t instanceof UnsupportedFileFormatException && !(t instanceof NotOfficeXmlFileException)) {
                return Failures.notASpreadsheet();
            }
            if (t instanceof RowAssembler.Stop stop) {
                return stop.refusal();
            }
        }
        return Failures.damaged(e);
    }
}
