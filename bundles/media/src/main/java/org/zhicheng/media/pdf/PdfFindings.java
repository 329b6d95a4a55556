package org.zhicheng.media.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.media.check.Finding;

/**
 * The finding codes of PDF inspection and their messages (CQ-APP-4). Every message says what was found and what
 * the person should do, in Chinese and English; the codes are stable for clients and tests.
 */
final class PdfFindings {

    static final String UNREADABLE = "pdf-unreadable";
    static final String ENCRYPTED = "pdf-encrypted";
    static final String OVERSIZED_STREAM = "pdf-oversized-stream";
    static final String TOO_COMPLEX = "pdf-too-complex";
    static final String JAVASCRIPT = "pdf-javascript";
    static final String OPEN_ACTION = "pdf-open-action";
    static final String EMBEDDED_FILE = "pdf-embedded-file";
    static final String LAUNCH = "pdf-launch";
    static final String SUBMIT_FORM = "pdf-submit-form";
    static final String IMPORT_DATA = "pdf-import-data";
    static final String MULTIMEDIA = "pdf-multimedia";
    static final String XFA = "pdf-xfa";
    static final String PAGE_TREE = "pdf-page-tree";
    static final String TOO_MANY_PAGES = "pdf-too-many-pages";
    static final String EMPTY = "pdf-empty";
    static final String PAGE_SIZE = "pdf-page-size";
    static final String ORIENTATION = "pdf-orientation";
    static final String ROTATED = "pdf-rotated";
    static final String ODD_ROTATION = "pdf-odd-rotation";

    /** How many places or pages a message names before it only counts the rest. */
    static final int LISTED = 5;

    // Printing to a new PDF is what reliably drops scripts, actions and attachments; "Save as" in a reader keeps them.
    private static final String REPRINT = "用“打印为 PDF”重新生成文件后上传";
    private static final String REPRINT_ZH = "请" + REPRINT;
    private static final String REPRINT_EN = "print it to a new PDF (\"Print to PDF\") and upload that";

    private PdfFindings() {
    }

    static Finding emptyFile() {
        return Finding.of(UNREADABLE, "文件为空（0 字节），请重新选择要上传的 PDF 文件",
                "The file is empty (0 bytes); choose the PDF file to upload again");
    }

    static Finding unreadable() {
        return Finding.of(UNREADABLE, "无法读取该文件：它不是有效的 PDF，或者已损坏、不完整。请重新导出 PDF 后上传",
                "This file cannot be read: it is not a valid PDF, or it is damaged or incomplete. Export the PDF "
                        + "again and upload it");
    }

    static Finding encrypted() {
        return Finding.of(ENCRYPTED, "PDF 已加密或设置了密码、权限保护，无法检查。请上传未加密的 PDF（取消密码和权限限制后重新保存）",
                "The PDF is encrypted or protected by a password or permissions, so it cannot be checked. Upload "
                        + "an unencrypted PDF (remove the password and restrictions and save it again)");
    }

    static Finding oversizedStream(long limitBytes) {
        long mb = Math.max(1, limitBytes / (1024 * 1024));
        return Finding.of(OVERSIZED_STREAM, "PDF 中有压缩数据解压后超过 " + mb + " MB，无法安全处理。请降低扫描分辨率，或"
                + REPRINT, "Part of the PDF expands to more than " + mb + " MB when decompressed and cannot be "
                + "processed safely. Scan at a lower resolution, or " + REPRINT_EN);
    }

    static Finding tooComplex(String whatZh, String whatEn) {
        return Finding.of(TOO_COMPLEX, "PDF 结构过于复杂（" + whatZh + "），无法安全检查。" + REPRINT_ZH,
                "The PDF's structure is too complex to check safely (" + whatEn + "). " + capital(REPRINT_EN));
    }

    static Finding pageTreeCycle() {
        return pageTree("页面目录中存在循环或重复引用", "a page node refers back to itself or appears twice");
    }

    static Finding pageTreeTooDeep(int maxDepth) {
        return pageTree("页面目录嵌套超过 " + maxDepth + " 层", "page nodes are nested more than " + maxDepth
                + " levels deep");
    }

    static Finding pageTreeTooLarge() {
        return pageTree("页面目录的节点过多", "the page list has too many nodes");
    }

    static Finding pageTreeMissing() {
        return pageTree("缺少页面目录", "the page list is missing");
    }

    static Finding pageCountMismatch(long declared, int found) {
        return pageTree("声明 " + declared + " 页，实际" + (found < declared ? "只有 " : "有 ") + found + " 页",
                "it declares " + declared + (declared == 1 ? " page" : " pages") + " but contains " + found);
    }

    static Finding pageCountMissing(int found) {
        return pageTree("未注明页数，实际有 " + found + " 页", "it does not state its page count; it contains " + found);
    }

    private static Finding pageTree(String detailZh, String detailEn) {
        return Finding.of(PAGE_TREE, "PDF 的页面结构已损坏（" + detailZh + "）。" + REPRINT_ZH,
                "The PDF's page structure is damaged (" + detailEn + "). " + capital(REPRINT_EN));
    }

    static Finding tooManyPagesForPlatform(int max) {
        return Finding.of(TOO_MANY_PAGES, "PDF 超过 " + max + " 页，超出系统允许的上限。请拆分或删减页数后重新上传",
                "The PDF has more than " + max + " pages, more than the system allows. Split it or remove pages and "
                        + "upload it again");
    }

    static Finding tooManyPages(int pages, int max) {
        return Finding.of(TOO_MANY_PAGES, "PDF 共 " + pages + " 页，此处最多允许 " + max + " 页。请删减页数后重新上传",
                "The PDF has " + pages + " pages; at most " + max + " are allowed here. Remove pages and upload it "
                        + "again");
    }

    static Finding empty() {
        return Finding.of(EMPTY, "PDF 中没有任何页面，请上传包含材料内容的 PDF",
                "The PDF has no pages; upload a PDF that contains the evidence");
    }

    static Finding active(String code, List<Place> places) {
        String whereZh = places(places, true);
        String whereEn = places(places, false);
        return switch (code) {
            case JAVASCRIPT -> Finding.of(code, "PDF 含有 JavaScript 脚本（" + whereZh + "），为安全起见不予接收。"
                    + REPRINT_ZH, "The PDF contains JavaScript (" + whereEn + "), which is not accepted for "
                    + "security reasons. " + capital(REPRINT_EN));
            case OPEN_ACTION -> Finding.of(code, "PDF 设置了打开文档时自动执行的动作，不予接收。" + REPRINT_ZH,
                    "The PDF performs an action when it is opened, which is not accepted. " + capital(REPRINT_EN));
            case EMBEDDED_FILE -> Finding.of(code, "PDF 内嵌了附件文件（" + whereZh + "），不予接收。请删除附件后重新"
                    + "保存，附件中的材料请另行转为 PDF 上传", "The PDF carries embedded files (" + whereEn + "), which are "
                    + "not accepted. Remove the attachments and save it again; upload their content as PDFs of "
                    + "their own");
            case LAUNCH -> Finding.of(code, "PDF 含有启动外部程序或打开其他文件的动作（" + whereZh + "），不予接收。"
                    + REPRINT_ZH, "The PDF contains an action that starts a program or opens another file ("
                    + whereEn + "), which is not accepted. " + capital(REPRINT_EN));
            case SUBMIT_FORM -> Finding.of(code, "PDF 含有向外部地址提交表单数据的动作（" + whereZh + "），不予接收。"
                    + REPRINT_ZH, "The PDF contains an action that sends form data to an address (" + whereEn
                    + "), which is not accepted. " + capital(REPRINT_EN));
            case IMPORT_DATA -> Finding.of(code, "PDF 含有从外部文件导入数据的动作（" + whereZh + "），不予接收。"
                    + REPRINT_ZH, "The PDF contains an action that imports data from another file (" + whereEn
                    + "), which is not accepted. " + capital(REPRINT_EN));
            case MULTIMEDIA -> Finding.of(code, "PDF 含有音频、视频、3D 等多媒体内容（" + whereZh + "），不予接收。"
                    + REPRINT_ZH, "The PDF contains sound, video, 3D or other multimedia (" + whereEn + "), which "
                    + "is not accepted. " + capital(REPRINT_EN));
            case XFA -> Finding.of(code, "PDF 是 XFA 动态表单，不予接收。请填写完成后" + REPRINT,
                    "The PDF is an XFA (dynamic) form, which is not accepted. Fill it in, then "
                            + REPRINT_EN);
            default -> throw new IllegalArgumentException("not an active-content code: " + code);
        };
    }

    static Finding pageSizeInvalid(Page page) {
        return Finding.of(PAGE_SIZE, "第 " + page.number() + " 页没有有效的页面尺寸，无法显示或打印。" + REPRINT_ZH,
                "Page " + page.number() + " has no valid size and cannot be shown or printed. " + capital(REPRINT_EN));
    }

    static Finding pageSize(Page page, PaperSize required) {
        long w = Math.round(page.widthMm());
        long h = Math.round(page.heightMm());
        String foundZh = PaperSize.of(page.widthMm(), page.heightMm()).map(s -> "（" + s.zh + "）").orElse("");
        String foundEn = PaperSize.of(page.widthMm(), page.heightMm()).map(s -> " (" + s.en + ")").orElse("");
        String needZh = required.zh + "（" + mm(required.shortMm) + "×" + mm(required.longMm) + " 毫米）";
        String needEn = required.en + " (" + mm(required.shortMm) + " × " + mm(required.longMm) + " mm)";
        return Finding.of(PAGE_SIZE, "第 " + page.number() + " 页为 " + w + "×" + h + " 毫米" + foundZh + "，须为 "
                + needZh + "。请将纸张设为 " + required.zh + " 后重新生成 PDF", "Page " + page.number() + " is " + w
                + " × " + h + " mm" + foundEn + "; it must be " + needEn + ". Set the paper size to " + required.en
                + " and generate the PDF again");
    }

    static Finding orientation(Page page, Orientation required) {
        long w = Math.round(page.widthMm());
        long h = Math.round(page.heightMm());
        boolean portrait = required == Orientation.PORTRAIT;
        return Finding.of(ORIENTATION, "第 " + page.number() + " 页为" + (portrait ? "横向" : "纵向") + "（" + w + "×"
                + h + " 毫米），须为" + (portrait ? "纵向" : "横向") + "。请调整页面方向后重新生成 PDF",
                "Page " + page.number() + " is " + (portrait ? "landscape" : "portrait") + " (" + w + " × " + h
                        + " mm); it must be " + (portrait ? "portrait" : "landscape") + ". Change the page "
                        + "orientation and generate the PDF again");
    }

    static Finding rotated(Page page) {
        return Finding.of(ROTATED, "第 " + page.number() + " 页旋转了 " + page.rotation() + "°，请将页面摆正后重新生成 PDF",
                "Page " + page.number() + " is rotated by " + page.rotation() + "°; turn it upright and generate "
                        + "the PDF again");
    }

    static Finding oddRotation(Page page) {
        return Finding.of(ODD_ROTATION, "第 " + page.number() + " 页的旋转角度 " + page.rotation()
                + "° 不是 90° 的倍数，在部分阅读器中可能显示异常。如显示不正常，请摆正页面后重新生成 PDF",
                "Page " + page.number() + " has a rotation of " + page.rotation() + "°, not a multiple of 90°, "
                        + "and may look wrong in some readers. If it does, turn it upright and generate the PDF "
                        + "again");
    }

    /** One finding standing for the pages of a code beyond the ones listed individually. */
    static Finding morePages(String code, List<Integer> pages) {
        return Finding.of(code, "另有 " + pages.size() + " 页（第 " + ranges(pages, "、") + " 页）存在同样的问题，请一并修正",
                pages.size() + " more " + (pages.size() == 1 ? "page has" : "pages have") + " the same problem "
                        + "(page" + (pages.size() == 1 ? " " : "s ") + ranges(pages, ", ") + "); fix "
                        + (pages.size() == 1 ? "it" : "them") + " too");
    }

    /** Ascending page numbers as runs, e.g. {@code 6–10、12}; after ten runs the rest is elided. */
    static String ranges(List<Integer> pages, String separator) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < pages.size() && runs.size() < 10) {
            int j = i;
            while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) {
                j++;
            }
            runs.add(i == j ? String.valueOf(pages.get(i)) : pages.get(i) + "–" + pages.get(j));
            i = j + 1;
        }
        return String.join(separator, runs) + (i < pages.size() ? separator + "…" : "");
    }

    private static String places(List<Place> places, boolean zh) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(LISTED, places.size()); i++) {
            named.add(zh ? places.get(i).zh() : places.get(i).en());
        }
        int rest = places.size() - named.size();
        if (zh) {
            return "位于" + String.join("；", named) + (rest > 0 ? "等共 " + places.size() + " 处" : "");
        }
        return "in " + String.join("; ", named) + (rest > 0 ? "; and " + rest + " more" : "");
    }

    private static String mm(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Where in the document active or embedded content was found, in both languages.
     *
     * @param zh e.g. {@code 第 2 页的链接或批注}
     * @param en e.g. {@code a link or annotation on page 2}
     */
    record Place(String zh, String en) {

        static final Place DOCUMENT_SCRIPTS = new Place("文档级脚本", "the document-level scripts");
        static final Place OPEN_ACTION = new Place("打开文档时执行的动作", "the action run when the document opens");
        static final Place DOCUMENT_EVENTS = new Place("文档事件（打开、关闭、打印、保存）",
                "the document events (open, close, print, save)");
        static final Place ATTACHMENTS = new Place("文档附件列表", "the document's attachment list");
        static final Place FORM = new Place("表单", "the form");
        static final Place BOOKMARKS = new Place("书签", "the bookmarks");
        static final Place ELSEWHERE = new Place("文档的其他部分", "another part of the document");

        static Place pageEvents(int page) {
            return new Place("第 " + page + " 页的页面事件", "the events of page " + page);
        }

        static Place annotation(int page) {
            return new Place("第 " + page + " 页的链接或批注", "a link or annotation on page " + page);
        }
    }
}
