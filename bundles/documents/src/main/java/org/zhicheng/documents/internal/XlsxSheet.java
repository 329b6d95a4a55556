package org.zhicheng.documents.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.zhicheng.api.documents.SpreadsheetException;

/**
 * Reads the first worksheet of an {@code .xlsx} (OOXML) file with POI's event API: {@link XSSFReader} over a
 * read-only package on a file, a {@link ReadOnlySharedStringsTable}, the {@link StylesTable} for telling dates
 * from numbers, and a SAX pass over the sheet, so that no workbook object model is built.
 */
final class XlsxSheet {

    /**
     * The most (uncompressed) bytes of shared strings held in memory. POI's zip-bomb guard bounds every part to a
     * ratio of its compressed size; this bounds the one part that is kept whole.
     */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;

    private static final Set<String> WORKBOOK_TYPES = Set.of(
            XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(),
            XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType());

    private XlsxSheet() {
    }

    /** Delivers the rows of the first worksheet of {@code file}; returns without rows when there is none. */
    static void read(File file, RowAssembler rows)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException, SpreadsheetException {
        if (!hasContentTypes(file)) {
            // A zip archive, but no OOXML package (a plain archive, an OpenDocument file, ...).
            throw Failures.notASpreadsheet();
        }
        OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ);
        try {
            PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0);
            if (core == null) {
                if (pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT).getRelationship(0) != null) {
                    throw Failures.strictOpenXml(null);
                }
                throw Failures.notASpreadsheet();
            }
            PackagePart workbook = pkg.getPart(core);
            if (workbook == null) {
                throw Failures.damaged(null);
            }
            String type = workbook.getContentType();
            if (XSSFRelation.XLSB_BINARY_WORKBOOK.getContentType().equals(type)) {
                throw Failures.binaryWorkbook();
            }
            if (!WORKBOOK_TYPES.contains(type)) {
                // A Word or PowerPoint document, or another OOXML package.
                throw Failures.notASpreadsheet();
            }
            XSSFReader reader;
            try {
                reader = new XSSFReader(pkg);
            } catch (POIXMLException e) {
                throw Failures.damaged(e);
            }
            boolean date1904 = date1904(reader);
            StylesTable styles = styles(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);

            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    PackagePart part = sheets.getSheetPart();
                    if (part == null || !XSSFRelation.WORKSHEET.getContentType().equals(part.getContentType())) {
                        continue; // a chart sheet or macro sheet holds no rows
                    }
                    parse(sheet, new SheetHandler(rows, strings, styles, date1904));
                    rows.endRow();
                    return;
                }
            }
        } finally {
            // revert(), not close(): close() saves a package, and this one is read-only.
            pkg.revert();
        }
    }

    /**
     * Whether the zip holds the {@code [Content_Types].xml} every OOXML package has. A zip whose directory cannot be
     * read is left to POI, which falls back to reading the entries in sequence as Excel's repair would.
     */
    private static boolean hasContentTypes(File file) {
        try (ZipFile zip = new ZipFile(file)) {
            return zip.stream().anyMatch(entry -> entry.getName().equalsIgnoreCase("[Content_Types].xml"));
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean date1904(XSSFReader reader)
            throws IOException, SAXException, ParserConfigurationException, InvalidFormatException {
        boolean[] date1904 = {false};
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName) && XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
        }
        return date1904[0];
    }

    private static StylesTable styles(OPCPackage pkg) throws IOException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        // Without the theme (XSSFReader.getStylesTable() would parse it too): only number formats matter here.
        return parts.isEmpty() ? null : new StylesTable(parts.get(0));
    }

    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = new LimitedInputStream(parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            // Phonetic guides (furigana, pinyin) are not part of the text Excel shows.
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    private static void parse(InputStream in, ContentHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        // POI's reader: secure processing, no DTDs, no external entities.
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    /** The SAX handler of one worksheet: the cells of {@code <sheetData>}, by cached value. */
    private static final class SheetHandler extends DefaultHandler {

        private final RowAssembler rows;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        private boolean inSheetData;
        private int rowNumber;
        private int column;
        private String cellType;
        private String cellStyle;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private boolean inValue;
        private boolean inInlineString;
        private boolean inInlineText;
        private boolean inPhonetic;

        SheetHandler(RowAssembler rows, ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904) {
            this.rows = rows;
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
                return;
            }
            switch (localName) {
                case "sheetData" -> inSheetData = true;
                case "row" -> {
                    if (inSheetData) {
                        rows.endRow();
                        String r = attributes.getValue("r");
                        rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r.trim());
                        column = -1;
                    }
                }
                case "c" -> {
                    if (inSheetData) {
                        String ref = attributes.getValue("r");
                        column = ref == null ? column + 1 : column(ref);
                        cellType = attributes.getValue("t");
                        cellStyle = attributes.getValue("s");
                        value.setLength(0);
                        inline.setLength(0);
                    }
                }
                case "v" -> inValue = inSheetData;
                case "is" -> inInlineString = inSheetData;
                case "t" -> inInlineText = inInlineString;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // formulas (<f>) and the rest: the cached value in <v> is what Excel shows
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
                return;
            }
            switch (localName) {
                case "sheetData" -> inSheetData = false;
                case "row" -> {
                    if (inSheetData) {
                        rows.endRow();
                    }
                }
                case "c" -> {
                    if (inSheetData) {
                        rows.cell(rowNumber, column, text());
                    }
                }
                case "v" -> inValue = false;
                case "is" -> inInlineString = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            } else if (inInlineText && !inPhonetic) {
                inline.append(ch, start, length);
            }
        }

        private String text() {
            String v = value.toString();
            String type = cellType == null ? "n" : cellType;
            switch (type) {
                case "s": {
                    if (v.isBlank() || strings == null) {
                        return "";
                    }
                    return CellText.trim(strings.getItemAt(Integer.parseInt(v.trim())).getString());
                }
                case "inlineStr":
                    return CellText.trim(CellText.ooxmlDecode(inline.toString()));
                case "str":
                    return CellText.trim(CellText.ooxmlDecode(v));
                case "b":
                    return v.isBlank() ? "" : CellText.bool("1".equals(v.trim()) || "true".equalsIgnoreCase(v.trim()));
                case "e":
                    return CellText.trim(v);
                case "d":
                    return v.isBlank() ? "" : CellText.isoDate(v);
                default: {
                    if (v.isBlank()) {
                        return "";
                    }
                    double number = Double.parseDouble(v.trim());
                    if (isDateStyle() && DateUtil.isValidExcelDate(number)) {
                        return CellText.date(number, date1904);
                    }
                    return CellText.number(number);
                }
            }
        }

        private boolean isDateStyle() {
            if (styles == null) {
                return false;
            }
            int index = cellStyle == null || cellStyle.isBlank() ? 0 : Integer.parseInt(cellStyle.trim());
            return dateStyles.computeIfAbsent(index, i -> {
                XSSFCellStyle style = i < styles.getNumCellStyles() ? styles.getStyleAt(i) : null;
                if (style == null) {
                    return false;
                }
                return CellText.isDateFormat(style.getDataFormat(), style.getDataFormatString());
            });
        }

        /** The 0-based column of a reference such as {@code B7} or {@code AA12}. */
        private static int column(String ref) {
            int col = 0;
            int i = 0;
            while (i < ref.length()) {
                char c = ref.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    col = col * 26 + (c - 'A' + 1);
                } else if (c >= 'a' && c <= 'z') {
                    col = col * 26 + (c - 'a' + 1);
                } else {
                    break;
                }
                i++;
                if (col > 1 << 20) {
                    throw new IllegalArgumentException("bad cell reference " + ref);
                }
            }
            if (col == 0) {
                throw new IllegalArgumentException("bad cell reference " + ref);
            }
            return col - 1;
        }
    }
}
