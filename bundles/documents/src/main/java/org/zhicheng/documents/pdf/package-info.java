/**
 * The PDF engine of the platform's printed documents and certificates (CQ-DOC-1..3, FJ-1, GD-TITLE-4, GD-CERT-1):
 * pages in A4 or A3 with Chinese text in an embedded, subsetted CJK font, wrapped paragraphs, fixed boxes, tables
 * that flow over pages with their header repeated, photos, Code 128 barcodes, QR codes and a diagonal watermark;
 * and the bounds every PDF from outside is measured against before PDFBox parses it ({@link CompressedStreams}).
 * Coordinates are in PDF points (1/72 inch) measured from the page's top-left corner.
 */
@Export
@Version("1.0.0")
package org.zhicheng.documents.pdf;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
