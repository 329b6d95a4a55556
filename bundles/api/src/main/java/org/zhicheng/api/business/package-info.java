/**
 * The province SPI: a province or profession bundle registers one {@link org.zhicheng.api.business.Business}
 * service per business it offers. The declarative descriptor (JSON, validated against
 * {@code business-descriptor.schema.json} when the bundle starts) carries identity, form schema, upload slots,
 * review chain, windows, documents and dictionaries; the Java hooks cover what data cannot express.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.business;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
