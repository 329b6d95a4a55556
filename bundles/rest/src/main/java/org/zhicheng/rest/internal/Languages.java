package org.zhicheng.rest.internal;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.core.HttpHeaders;

/** Chooses the language of messages: zh-CN unless the request prefers English. */
final class Languages {

    private Languages() {
    }

    static boolean prefersEnglish(HttpHeaders headers) {
        return headers != null && prefersEnglish(headers.getAcceptableLanguages());
    }

    static boolean prefersEnglish(List<Locale> accepted) {
        for (Locale locale : accepted) {
            String language = locale.getLanguage();
            if ("zh".equals(language)) {
                return false;
            }
            if ("en".equals(language)) {
                return true;
            }
        }
        return false;
    }
}
