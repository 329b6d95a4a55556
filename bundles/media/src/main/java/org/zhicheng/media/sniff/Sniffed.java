package org.zhicheng.media.sniff;

import org.zhicheng.api.business.descriptor.BilingualText;
import org.zhicheng.api.business.descriptor.FileType;

/**
 * What the bytes of a file are.
 *
 * @param mediaType the detected media type, e.g. {@code image/jpeg}; {@code application/octet-stream} when unknown
 * @param type the accepted file type it is, or {@code null} when it is none of them
 * @param description what it is, for messages, e.g. 「GIF 图片」 / "a GIF image"
 */
public record Sniffed(String mediaType, FileType type, BilingualText description) {
}
