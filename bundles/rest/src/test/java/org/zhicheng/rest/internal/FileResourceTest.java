package org.zhicheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** File names in and out of HTTP headers: Chinese names arrive intact both ways (RFC 6266 / RFC 5987). */
class FileResourceTest {

    @Test
    void dispositionOffersAnAsciiFallbackAndTheExactUtf8Name() {
        assertEquals("attachment; filename=\"44010619900307123X.jpg\"; filename*=UTF-8''44010619900307123X.jpg",
                FileResource.disposition("attachment", "44010619900307123X.jpg"));
        assertEquals("attachment; filename=\"___.pdf\"; filename*=UTF-8''%E8%AF%81%E4%B9%A6%E7%85%A7.pdf",
                FileResource.disposition("attachment", "证书照.pdf"));
        assertEquals("inline; filename=\"a_b.jpg\"; filename*=UTF-8''a%20b.jpg",
                FileResource.disposition("inline", "a b.jpg"));
    }

    @Test
    void aClientsDispositionNamePrefersTheUtf8Form() {
        assertEquals("证件照.jpg", FileResource.dispositionName(
                "attachment; filename=\"x.jpg\"; filename*=UTF-8''%E8%AF%81%E4%BB%B6%E7%85%A7.jpg"));
        assertEquals("photo.jpg", FileResource.dispositionName("form-data; name=\"file\"; filename=\"photo.jpg\""));
        assertNull(FileResource.dispositionName(null));
        assertNull(FileResource.dispositionName("inline"));
        assertEquals("%zz.jpg", FileResource.dispositionName("attachment; filename*=UTF-8''%zz.jpg"),
                "a broken encoding is kept as text, not a server error");
    }
}
