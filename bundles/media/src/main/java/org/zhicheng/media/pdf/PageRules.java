package org.zhicheng.media.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.PdfRule;
import org.zhicheng.media.check.Finding;

/**
 * A slot's page rules checked page by page (CQ-APP-4: A4 pages, upright), with a message per offending page. So
 * that a 300-page file stays readable, each code names its first {@value PdfFindings#LISTED} pages one by one and
 * folds the rest into one finding listing their numbers.
 */
final class PageRules {

    /** Square pages (within this many mm) count as either orientation. */
    private static final double SQUARE_MM = PaperSize.TOLERANCE_MM;

    private final Map<String, List<Finding>> listed = new LinkedHashMap<>();
    private final Map<String, List<Integer>> folded = new LinkedHashMap<>();

    private PageRules() {
    }

    /**
     * Checks every page.
     *
     * @param pages the document's pages, all of them
     * @param rule the slot's rule, or null for none (only pages without a size are refused then)
     * @param refusals where refusals go
     * @param warnings where warnings go
     */
    static void check(List<Page> pages, PdfRule rule, List<Finding> refusals, List<Finding> warnings) {
        PageRules refused = new PageRules();
        PageRules warned = new PageRules();
        for (Page page : pages) {
            if (!page.hasArea()) {
                refused.add(page, PdfFindings::pageSizeInvalid);
                continue;
            }
            if (page.rotation() % 90 != 0) {
                warned.add(page, PdfFindings::oddRotation);
            }
            if (rule == null) {
                continue;
            }
            if (rule.pageSize() != null) {
                PaperSize required = PaperSize.of(rule.pageSize());
                if (!required.fits(page.widthMm(), page.heightMm())) {
                    refused.add(page, p -> PdfFindings.pageSize(p, required));
                }
            }
            if (rule.orientation() != null && !oriented(page, rule.orientation())) {
                refused.add(page, p -> PdfFindings.orientation(p, rule.orientation()));
            }
            if (Boolean.TRUE.equals(rule.upright()) && page.rotation() != 0) {
                refused.add(page, PdfFindings::rotated);
            }
        }
        refused.drainTo(refusals);
        warned.drainTo(warnings);
    }

    private static boolean oriented(Page page, Orientation required) {
        double excess = page.heightMm() - page.widthMm();
        return required == Orientation.PORTRAIT ? excess >= -SQUARE_MM : excess <= SQUARE_MM;
    }

    private void add(Page page, Function<Page, Finding> finding) {
        Finding first = finding.apply(page);
        List<Finding> codeListed = listed.computeIfAbsent(first.code(), c -> new ArrayList<>());
        if (codeListed.size() < PdfFindings.LISTED) {
            codeListed.add(first);
        } else {
            folded.computeIfAbsent(first.code(), c -> new ArrayList<>()).add(page.number());
        }
    }

    private void drainTo(List<Finding> findings) {
        listed.forEach((code, list) -> {
            findings.addAll(list);
            if (folded.containsKey(code)) {
                findings.add(PdfFindings.morePages(code, folded.get(code)));
            }
        });
    }
}
