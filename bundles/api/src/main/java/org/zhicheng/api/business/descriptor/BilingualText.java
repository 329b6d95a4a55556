package org.zhicheng.api.business.descriptor;

import java.util.Locale;
import java.util.Objects;

/**
 * A user-facing text in Simplified Chinese and English; JSON {@code {"zh": "...", "en": "..."}}, both required and
 * non-empty. Every label, name, message and help text of a descriptor is one of these, so every page and error
 * of a business can be shown in either language (DESIGN: zh-CN by default, English available).
 *
 * @param zh the Simplified Chinese text
 * @param en the English text
 */
public record BilingualText(String zh, String en) {

    /** Requires both texts. */
    public BilingualText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /**
     * The text for a locale: English for any English locale, Chinese otherwise.
     *
     * @param locale the reader's locale, {@code null} for the default (Chinese)
     * @return the text in that language
     */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
