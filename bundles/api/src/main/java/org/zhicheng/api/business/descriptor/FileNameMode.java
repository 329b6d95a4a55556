package org.zhicheng.api.business.descriptor;

/**
 * How a file-name rule is applied (GD-PHOTO-2).
 */
public enum FileNameMode {

    /** The platform stores the file under the required name, whatever it was called. */
    RENAME,

    /** The upload is refused unless its name (without extension) equals the required name. */
    REQUIRE;

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
     public static FileNameMode fromJson(String text) {
        return Defaults.fromJson(FileNameMode.class, text);
    }
}
