/** What a file really is, decided from its bytes alone (never its name or the type the client declared). */
package org.zhicheng.media.sniff;
