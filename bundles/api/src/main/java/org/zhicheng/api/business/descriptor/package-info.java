/**
 * The declarative business descriptor: Java records mirroring the JSON that
 * {@link org.zhicheng.api.business.Business#openDescriptor()} returns, and the JSON Schema
 * {@code business-descriptor.schema.json} (a resource of this package) that the JSON must conform to.
 *
 * <p>One descriptor describes one business completely: identity, season windows, form schema, upload slots,
 * review chain, documents, certificate template, dictionaries and options. The same small set of constructs
 * serves every province (GD-PHOTO, GD-TITLE/GD-CERT, CQ, FJ); conditions ({@link
 * org.zhicheng.api.business.descriptor.Condition}) are one recursive record used for visibility, requirements,
 * cross-field rules, optional review steps and the route table.
 *
 * <p>Binding: the records bind with Jackson through their canonical constructors, without annotations. Every
 * enumerated value is a Java enum whose JSON text is the lower-camel form of the constant
 * ({@code MARK_ROW_DELETED} is {@code "markRowDeleted"}, {@code A4} is {@code "a4"}); a mapper that reads or
 * writes these records must therefore use {@code EnumNamingStrategies.LOWER_CAMEL_CASE}. Each enum also offers
 * {@code json()} and {@code fromJson(String)} for code that handles the text itself. Compact constructors turn
 * absent lists and maps into empty immutable ones and absent flags into their documented defaults, so
 * accessors of lists, maps and flags never return {@code null}; optional objects and limits may be
 * {@code null}.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.business.descriptor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
