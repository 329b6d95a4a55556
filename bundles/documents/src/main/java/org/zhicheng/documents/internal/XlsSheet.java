package org.zhicheng.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Reads the first worksheet of an {@code .xls} (BIFF8) workbook with POI's HSSF event API: records stream past
 * once, and nothing but the shared strings and the number formats is kept. Reading stops at the end of the first
 * worksheet.
 */
final class XlsSheet extends AbortableHSSFListener {

    private static final short DONE = 1;

    private final RowAssembler rows;
    private final List<Short> cellFormats = new ArrayList<>();
    private final Map<Integer, String> formats = new HashMap<>();
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private SSTRecord strings;
    private boolean date1904;
    private int depth;
    private boolean inSheet;
    private boolean sheetSeen;
    private int pendingRow = -1;
    private int pendingColumn;

    private XlsSheet(RowAssembler rows) {
        this.rows = rows;
    }

    /**
     * Delivers the rows of the first worksheet of the workbook stream {@code workbookEntry} in {@code root}.
     *
     * @throws org.apache.poi.EncryptedDocumentException when the workbook is password-protected
     */
    static void read(DirectoryNode root, String workbookEntry, RowAssembler rows) throws IOException {
        XlsSheet listener = new XlsSheet(rows);
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(listener);
        try (InputStream in = root.createDocumentInputStream(workbookEntry)) {
            new HSSFEventFactory().processEvents(request, in);
        }
        rows.endRow();
    }

    @Override
    public short abortableProcessRecord(Record record) {
        if (record instanceof BOFRecord bof) {
            depth++;
            if (depth == 1 && bof.getType() == BOFRecord.TYPE_WORKSHEET && !sheetSeen) {
                inSheet = true;
                sheetSeen = true;
            }
            return 0;
        }
        if (record instanceof EOFRecord) {
            depth--;
            if (depth == 0 && inSheet) {
                rows.endRow();
                return DONE;
            }
            return 0;
        }
        if (depth == 1 && !inSheet) {
            globals(record);
        } else if (depth == 1) {
            cell(record);
        }
        return 0;
    }

    /** Workbook-wide records; only those of the globals substream (a sheet's come later and are skipped). */
    private void globals(Record record) {
        if (record instanceof SSTRecord sst) {
            strings = sst;
        } else if (record instanceof FormatRecord format) {
            formats.put(format.getIndexCode(), format.getFormatString());
        } else if (record instanceof ExtendedFormatRecord xf) {
            cellFormats.add(xf.getFormatIndex());
        } else if (record instanceof DateWindow1904Record window) {
            date1904 = window.getWindowing() == 1;
        }
    }

    private void cell(Record record) {
        if (record instanceof NumberRecord number) {
            put(number, numeric(number.getValue(), number.getXFIndex()));
        } else if (record instanceof LabelSSTRecord label) {
            String text = strings == null ? "" : strings.getString(label.getSSTIndex()).getString();
            put(label, CellText.trim(text));
        } else if (record instanceof LabelRecord label) {
            put(label.getRow(), label.getColumn(), CellText.trim(label.getValue()));
        } else if (record instanceof BoolErrRecord boolErr) {
            put(boolErr, boolErr.isBoolean() ? CellText.bool(boolErr.getBooleanValue()) : error(boolErr.getErrorValue()));
        } else if (record instanceof FormulaRecord formula) {
            if (formula.hasCachedResultString()) {
                // The cached text follows in a STRING record.
                pendingRow = formula.getRow();
                pendingColumn = formula.getColumn() & 0xFFFF;
                return;
            }
            CellType type = formula.getCachedResultTypeEnum();
            String text = switch (type) {
                case NUMERIC -> numeric(formula.getValue(), formula.getXFIndex());
                case BOOLEAN -> CellText.bool(formula.getCachedBooleanValue());
                case ERROR -> error(formula.getCachedErrorValue());
                default -> ""; // an empty text result
            };
            put(formula, text);
        } else if (record instanceof StringRecord string && pendingRow >= 0) {
            put(pendingRow, pendingColumn, CellText.trim(string.getString()));
            pendingRow = -1;
        }
    }

    private void put(CellValueRecordInterface cell, String text) {
        put(cell.getRow(), cell.getColumn(), text);
    }

    private void put(int row, int column, String text) {
        rows.cell(row + 1, column & 0xFFFF, text);
    }

    private String numeric(double value, short xfIndex) {
        if (isDateStyle(xfIndex & 0xFFFF) && DateUtil.isValidExcelDate(value)) {
            return CellText.date(value, date1904);
        }
        return CellText.number(value);
    }

    private boolean isDateStyle(int xfIndex) {
        return dateStyles.computeIfAbsent(xfIndex, i -> {
            if (i >= cellFormats.size()) {
                return false;
            }
            int formatIndex = cellFormats.get(i) & 0xFFFF;
            String format = formats.get(formatIndex);
            if (format == null && formatIndex < BuiltinFormats.FIRST_USER_DEFINED_FORMAT_INDEX) {
                format = BuiltinFormats.getBuiltinFormat(formatIndex);
            }
            return CellText.isDateFormat(formatIndex, format);
        });
    }

    private static String error(int code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#N/A";
        }
    }
}
