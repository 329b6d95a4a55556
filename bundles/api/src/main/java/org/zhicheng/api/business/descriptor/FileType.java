package org.zhicheng.api.business.descriptor;

/**
 * A file type an upload slot accepts; the platform decides the type by sniffing the content, never from the name
 * (GD-PHOTO-2, FJ-3, CQ-APP-4).
 */
public enum FileType {

    /** JPEG image ({@code .jpg}, {@code .jpeg}). */
    JPEG,

    /** PNG image. */
    PNG,

    /** BMP image. */
    BMP,

    /** PDF document. */
    PDF;

    /** The JSON text of this value, the lower-camel form of the constant name. */
    public String json() {
        return Defaults.json(this);
    }

    /**
     * The value whose JSON text is {@code text}.
     *
     * @param text the JSON text
     * @return the value
     * @throws IllegalArgumentException when no value has that text
     */
     public static FileType fromJson(String text) {
        return Defaults.fromJson(FileType.class, text);
    }
}
