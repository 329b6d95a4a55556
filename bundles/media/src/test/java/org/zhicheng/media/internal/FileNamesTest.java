package org.zhicheng.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zhicheng.api.business.descriptor.FileType;

/** A client's file name is only ever shown: never a path, never markup, always with the real type's extension. */
class FileNamesTest {

    @Test
    void pathsControlCharactersAndReservedCharactersAreDropped() {
        assertEquals("passwd", FileNames.base("../../etc/passwd", "file"));
        assertEquals("evil", FileNames.base("C:\\Windows\\evil.exe", "file"));
        assertEquals("ab", FileNames.base("a\u0000\u202Eb.jpg", "file"), "NUL and the right-to-left override go");
        assertEquals("img src=x onerror=alert(1)", FileNames.base("<img src=x onerror=alert(1)>.jpg", "file"));
        assertEquals("script", FileNames.base("<script>alert(1)</script>.jpg", "file"), "a slash ends a path");
        assertEquals("htaccess", FileNames.base(".htaccess", "file"), "no hidden names");
        assertEquals("photo", FileNames.base("   ", "photo"));
        assertEquals("photo", FileNames.base(null, "photo"));
        assertEquals(FileNames.MAX_BASE, FileNames.base("长".repeat(300) + ".pdf", "file").length());
    }

    @Test
    void chineseNamesStayIntactAndTheExtensionFollowsTheContent() {
        assertEquals("李娜的学历证书", FileNames.base("李娜的学历证书.PNG", "file"));
        assertEquals(".jpg", FileNames.extension(FileType.JPEG));
        assertEquals("证件照.JPG", FileNames.display("C:\\照片\\证件照.JPG"));
        assertEquals("report", FileNames.display("report"), "no extension, none added");
        assertTrue(FileNames.named("44010619900307123x.jpg", "44010619900307123X"), "ID numbers match in any case");
        assertFalse(FileNames.named("440106199003071234.jpg", "44010619900307123X"));
    }
}
