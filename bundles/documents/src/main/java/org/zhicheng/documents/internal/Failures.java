package org.zhicheng.documents.internal;

import java.util.Locale;

import org.zhicheng.api.documents.SpreadsheetException;
import org.zhicheng.api.documents.SpreadsheetException.Reason;

/** The refusals {@link PoiSpreadsheets} reports, each with its Simplified Chinese and English message. */
final class Failures {

    private Failures() {
    }

    static SpreadsheetException notASpreadsheet() {
        return new SpreadsheetException(Reason.NOT_A_SPREADSHEET,
                "文件不是 Excel 表格（.xlsx 或 .xls），请另存为 Excel 格式后重新上传。",
                "The file is not an Excel spreadsheet (.xlsx or .xls); save it in Excel format and upload it again.",
                null);
    }

    static SpreadsheetException oldExcelFormat() {
        return new SpreadsheetException(Reason.NOT_A_SPREADSHEET,
                "文件是旧版 Excel 格式（Excel 95 或更早），请用 Excel 另存为 .xlsx 后重新上传。",
                "The file is in an old Excel format (Excel 95 or earlier); save it as .xlsx in Excel and upload it again.",
                null);
    }

    static SpreadsheetException binaryWorkbook() {
        return new SpreadsheetException(Reason.NOT_A_SPREADSHEET,
                "文件是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx 后重新上传。",
                "The file is an Excel binary workbook (.xlsb); save it as .xlsx and upload it again.",
                null);
    }

    static SpreadsheetException strictOpenXml(Throwable cause) {
        return new SpreadsheetException(Reason.NOT_A_SPREADSHEET,
                "文件是“Strict Open XML”格式，请在 Excel 中另存为“Excel 工作簿（.xlsx）”后重新上传。",
                "The file is in Strict Open XML format; save it as an ordinary Excel workbook (.xlsx) and upload it again.",
                cause);
    }

    static SpreadsheetException encrypted(Throwable cause) {
        return new SpreadsheetException(Reason.ENCRYPTED,
                "文件设置了打开密码，请在 Excel 中取消密码保护后重新上传。",
                "The file is password-protected; remove the password in Excel and upload it again.",
                cause);
    }

    static SpreadsheetException damaged(Throwable cause) {
        return new SpreadsheetException(Reason.DAMAGED,
                "文件已损坏或无法读取，请用 Excel 打开检查，另存一份后重新上传。",
                "The file is damaged or cannot be read; open it in Excel, save a new copy and upload that.",
                cause);
    }

    static SpreadsheetException tooLarge(long maxBytes) {
        String size = size(maxBytes);
        return new SpreadsheetException(Reason.TOO_LARGE,
                "文件超过 " + size + " 的大小上限，请删减内容或拆分成多个文件后重新上传。",
                "The file is larger than the limit of " + size
                        + "; remove content or split it into several files and upload them again.",
                null);
    }

    /** A package whose content unpacks far beyond its size: a zip bomb, or more than this reader holds. */
    static SpreadsheetException unpackedTooLarge(Throwable cause) {
        return new SpreadsheetException(Reason.TOO_LARGE,
                "文件解压后的内容过大或压缩异常，无法读取，请删减内容或拆分成多个文件后重新上传。",
                "The file's content unpacks to too much data (or is compressed abnormally); remove content or split it"
                        + " into several files and upload them again.",
                cause);
    }

    static SpreadsheetException tooManyRows(int maxRows) {
        return new SpreadsheetException(Reason.TOO_MANY_ROWS,
                "表格超过 " + maxRows + " 行的上限（含表头），请拆分成多个文件后分批上传。",
                "The spreadsheet has more than " + maxRows
                        + " rows (header included); split it into several files and upload them separately.",
                null);
    }

    static SpreadsheetException tooManyColumns(int maxColumns, int rowNumber) {
        return new SpreadsheetException(Reason.TOO_MANY_COLUMNS,
                "表格第 " + rowNumber + " 行超过 " + maxColumns + " 列的上限，请删除多余的列后重新上传。",
                "Row " + rowNumber + " of the spreadsheet has more than " + maxColumns
                        + " columns; remove the extra columns and upload it again.",
                null);
    }

    /** A byte count as people read it: "10 MB", "512 KB", "300 bytes" (the same text in both languages). */
    static String size(long bytes) {
        long mb = 1024L * 1024L;
        if (bytes >= mb) {
            return bytes % mb == 0 ? bytes / mb + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / (double) mb);
        }
        if (bytes >= 1024) {
            return bytes % 1024 == 0 ? bytes / 1024 + " KB" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
