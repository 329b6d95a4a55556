package org.zhicheng.media.check;

import java.util.Objects;

import org.zhicheng.api.business.descriptor.BilingualText;

/**
 * One thing wrong with, or worth noting about, an uploaded file, told so that the person can fix it: what was
 * found and what the slot requires, with the figures (e.g. "照片为 120×160 像素，至少需要 128×180 像素").
 *
 * @param code a stable kebab-case code, e.g. {@code image-too-small}, for clients and tests
 * @param message the text shown to the person, in Chinese and English
 */
public record Finding(String code, BilingualText message) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A finding with the message built from its two texts. */
    public static Finding of(String code, String zh, String en) {
        return new Finding(code, new BilingualText(zh, en));
    }
}
