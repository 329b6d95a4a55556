/**
 * Identity and access: who the caller is, what the caller may do and see, and how callers sign in.
 */
@Export
@Version("1.2.0")
package org.zhicheng.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
