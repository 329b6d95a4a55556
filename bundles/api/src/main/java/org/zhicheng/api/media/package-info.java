/**
 * Files applicants upload into the slots a business declares (GD-PHOTO-2 ID photo, CQ-APP-4 PDF evidence, FJ-3
 * certificate images): checked from their bytes before anything is stored, kept with their SHA-256 beside the
 * application, and served back only through the application and the caller's permission on it.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.media;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
