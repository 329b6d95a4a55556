package org.zhicheng.documents.internal;

import java.util.ArrayList;
import java.util.List;

import org.zhicheng.api.documents.SpreadsheetException;
import org.zhicheng.api.documents.Spreadsheets.Limits;
import org.zhicheng.api.documents.Spreadsheets.RowHandler;

/**
 * Gathers the cells of one row at a time from a sheet reader and hands complete rows to the caller's handler:
 * empty cells at the end left out, empty rows skipped, the row and column limits enforced as cells arrive.
 *
 * <p>Both sheet readers run inside POI's callbacks (SAX, HSSF listener), which cannot throw
 * {@link SpreadsheetException}; a refusal and the handler's own exceptions therefore travel out as the unchecked
 * {@link Stop} and {@link HandlerFailure}, which {@link PoiSpreadsheets} unwraps.
 */
final class RowAssembler {

    /** A limit was exceeded: carries the refusal out of POI's callbacks. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop(SpreadsheetException refusal) {
            super(refusal.getMessage(), refusal, false, false);
        }

        SpreadsheetException refusal() {
            return (SpreadsheetException) getCause();
        }
    }

    /** The caller's handler threw: carries its exception out unchanged, never mistaken for a damaged file. */
    static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }

    private final Limits limits;
    private final RowHandler handler;
    private final List<String> cells = new ArrayList<>();
    private int rowNumber;
    private int rows;

    RowAssembler(Limits limits, RowHandler handler) {
        this.limits = limits;
        this.handler = handler;
    }

    /**
     * One cell, in row order.
     *
     * @param rowNumber 1-based, as Excel shows it
     * @param column 0-based (column A is 0)
     * @param text the cell's text, already formatted and trimmed
     */
    void cell(int rowNumber, int column, String text) {
        if (rowNumber != this.rowNumber) {
            endRow();
            this.rowNumber = rowNumber;
        }
        if (text.isEmpty()) {
            // Never stored: trailing empty cells vanish on their own and a blank row stays empty.
            return;
        }
        if (column >= limits.maxColumns()) {
            throw new Stop(Failures.tooManyColumns(limits.maxColumns(), rowNumber));
        }
        while (cells.size() < column) {
            cells.add("");
        }
        if (column < cells.size()) {
            cells.set(column, text);
        } else {
            cells.add(text);
        }
    }

    /** Ends the current row (if it had any text) and delivers it. Safe to call more than once. */
    void endRow() {
        if (cells.isEmpty()) {
            return;
        }
        if (++rows > limits.maxRows()) {
            throw new Stop(Failures.tooManyRows(limits.maxRows()));
        }
        List<String> row = List.copyOf(cells);
        cells.clear();
        try {
            handler.row(rowNumber, row);
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }
}
