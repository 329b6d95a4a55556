package org.zhicheng.api.business.descriptor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Normalisation shared by the compact constructors of the descriptor records. */
final class Defaults {

    private Defaults() {
    }

    /** An immutable copy of the list, empty when {@code null}. */
    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** An immutable copy of the map, empty when {@code null}. */
    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }

    /** The flag, or its default when {@code null}. */
    static Boolean flag(Boolean value, boolean defaultValue) {
        return value == null ? Boolean.valueOf(defaultValue) : value;
    }

    /** The JSON text of an enum constant: {@code MARK_ROW_DELETED} becomes {@code markRowDeleted}. */
    static String json(Enum<?> constant) {
        String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder text = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                text.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
            }
        }
        return text.toString();
    }

    /** The constant whose JSON text is {@code text}. */
    static <E extends Enum<E>> E fromJson(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (json(constant).equals(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " value: " + text);
    }
}
