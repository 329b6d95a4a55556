/**
 * Electronic title certificates (GD-CERT-1..5): issued from an application that has passed its business's
 * {@code issueAfter} step, numbered by the business's rule, with the holder's data and photo frozen, signed, and
 * verifiable by anyone by number.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.certificates;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
