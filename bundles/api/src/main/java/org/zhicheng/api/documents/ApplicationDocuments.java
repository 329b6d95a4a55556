package org.zhicheng.api.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.business.descriptor.Adjustment;
import org.zhicheng.api.business.descriptor.BilingualText;
import org.zhicheng.api.business.descriptor.DocumentFormat;
import org.zhicheng.api.business.descriptor.DocumentKind;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.workflow.Reviews;

/**
 * The documents a business declares, produced from one application by the descriptor version the application is
 * pinned to (CQ-DOC-1 review form, CQ-DOC-2 public notice, CQ-DOC-3 workload table, FJ-1 confirmation sheet,
 * GD-TITLE-4 application form). Whoever may read the application and is in a document's audience may obtain it;
 * rows a reviewer marked deleted never print (CQ-APP-5); a watermark prints until its step or gate has passed
 * (CQ-DOC-1); a document with {@code availableAfter} is refused until then (FJ-1). Layout settings are kept per
 * application and document, so the next print looks the same. Roster documents are written as Excel workbooks from
 * a reviewer's queue (CQ-REV-4, FJ-8).
 */
@ProviderType
public interface ApplicationDocuments {

    /**
     * A document of the application's business as the caller sees it.
     *
     * @param id the document id
     * @param name its name
     * @param kind what it is
     * @param formats its formats
     * @param available whether it can be produced now
     * @param unavailable why not, when it cannot; {@code null} otherwise
     * @param adjustable the layout settings the caller may change
     * @param layout the settings in force
     */
    record Offered(String id, BilingualText name, DocumentKind kind, List<DocumentFormat> formats, boolean available,
            BilingualText unavailable, List<Adjustment> adjustable, LayoutSettings layout) {
    }

    /**
     * Layout settings of one document of one application (CQ-DOC-1: per page; CQ-DOC-2: for the sheet, with blank
     * rows per section).
     *
     * @param pages per page number (from 1): font size, blank lines and row height
     * @param blankRows per section id: empty rows added under its table
     */
    record LayoutSettings(Map<Integer, Printing.Layout> pages, Map<String, Integer> blankRows) {
        public LayoutSettings {
            pages = Map.copyOf(pages);
            blankRows = Map.copyOf(blankRows);
        }
    }

    /** A produced PDF and the file name to offer it under. */
    record Pdf(String fileName, byte[] content) {
    }

    /**
     * A roster export (CQ-REV-4, FJ-8): the caller's review queue of one business under the queue's filter, and
     * equality filters on the roster document's filterable field columns (by field id, the choice code or text).
     *
     * @param businessId the business
     * @param documentId its roster document
     * @param queue which queue
     * @param filter the queue's filter (its business is replaced by {@code businessId})
     * @param columnFilters field id to the value a row must have
     */
    record RosterRequest(String businessId, String documentId, Reviews.Queue queue, Reviews.Filter filter,
            Map<String, String> columnFilters) {
        public RosterRequest {
            columnFilters = Map.copyOf(columnFilters);
        }
    }

    /** A roster checked and ready to write, so that a refusal comes before the first byte of the file. */
    interface RosterExport {
        /** The file name to offer, e.g. 考生信息.xlsx. */
        String fileName();

        /**
         * Writes the workbook, paging through the queue; {@code out} is not closed.
         *
         * @return the rows written
         */
        long writeTo(OutputStream out) throws IOException;
    }

    /**
     * Prepares the roster: its columns from the document (answers by their printed text, ID numbers in full only for
     * callers holding {@code person.id-number}, masked otherwise), the rows from the queue.
     *
     * @throws DocumentException 404 unknown business or roster, 403 not for the caller's audience, 400 a filter on a
     *     column that is not filterable, 503 when the ID numbers or the roster writer are unavailable
     */
    RosterExport roster(Caller reviewer, RosterRequest request);

    /**
     * The business's documents for this application that the caller's audience may obtain, PDF or not.
     *
     * @throws org.zhicheng.api.business.RefusedException 404 when the caller may not read the application
     */
    List<Offered> offered(Caller caller, String applicationId);

    /**
     * The document as PDF.
     *
     * @throws DocumentException 404 unknown document or not a PDF one, 403 not for the caller's audience, 409 not
     *     available yet, 422 it does not fit its one sheet
     * @throws org.zhicheng.api.business.RefusedException 404 when the caller may not read the application
     */
    Pdf pdf(Caller caller, String applicationId, String documentId);

    /**
     * Changes the layout settings; only those the document declares adjustable may differ from the defaults.
     *
     * @return the settings now in force
     * @throws DocumentException 400 a setting out of range or not adjustable, 404 unknown document, 403 audience
     */
    LayoutSettings adjust(Caller caller, String applicationId, String documentId, LayoutSettings settings);
}
