/**
 * Checks of uploaded PDF evidence before it is stored (CQ-APP-4: PDF only, A4 pages, upright): a PDF is parsed in
 * memory within platform bounds, refused when it is unreadable, encrypted, carries active or embedded content or a
 * malicious page tree, and checked page by page against the slot's {@code PdfRule}; accepted files can be rendered
 * to a JPEG preview.
 */
package org.zhicheng.media.pdf;
