package org.zhicheng.media.pdf;

import java.util.List;

import org.zhicheng.media.check.Finding;

/**
 * What the inspection of one uploaded PDF found (CQ-APP-4): the file is accepted only when nothing was refused;
 * warnings are shown but do not block the upload.
 *
 * @param pages the page count; 0 when the file is unreadable or its pages could not be counted safely (a damaged
 *     page tree, or more pages than the platform allows)
 * @param refusals why the file is refused, each with a stable code and a bilingual message; empty = accepted
 * @param warnings remarks that do not block the upload
 */
public record PdfReport(int pages, List<Finding> refusals, List<Finding> warnings) {

    /** Copies both lists, so a report cannot change after it is made. */
    public PdfReport {
        refusals = List.copyOf(refusals);
        warnings = List.copyOf(warnings);
    }

    /** Whether the file may be stored: nothing was refused. */
    public boolean accepted() {
        return refusals.isEmpty();
    }
}
