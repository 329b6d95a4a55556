/** What the checks of an uploaded file found: refusals and warnings, each with a code and a bilingual message. */
package org.zhicheng.media.check;
