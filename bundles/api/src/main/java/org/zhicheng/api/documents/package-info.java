/**
 * Documents the platform reads and writes: uploaded spreadsheets (pass lists), Excel rosters (CQ-REV-4, FJ-8) and
 * printed PDF forms and one-sheet tables (CQ-DOC-1..3, FJ-1, GD-TITLE-4).
 */
@Export
@Version("1.1.0")
package org.zhicheng.api.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
