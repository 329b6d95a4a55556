/**
 * Documents the platform reads and writes: spreadsheets (rosters, pass lists) first; PDF forms and certificates
 * follow.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
