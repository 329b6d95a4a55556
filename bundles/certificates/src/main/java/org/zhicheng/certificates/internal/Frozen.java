package org.zhicheng.certificates.internal;

import java.util.List;

import org.zhicheng.api.certificates.Certificates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A printed field as frozen at issue (GD-CERT-3), stored as JSON with the certificate. {@code mask} says how anyone
 * else sees it on the public verification (GD-CERT-2): {@code name} (张*), {@code id} (440106********001X).
 */
record Frozen(String key, String label, String value, String mask) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Frozen>> LIST = new TypeReference<>() { };

    Certificates.Field field() {
        return new Certificates.Field(key, label, value);
    }

    Certificates.Field masked() {
        String shown = value;
        if ("name".equals(mask) && value.length() > 1) {
            shown = value.substring(0, 1) + "*".repeat(value.codePointCount(1, value.length()));
        } else if ("id".equals(mask)) {
            shown = value.length() <= 10 ? "*".repeat(value.length())
                    : value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
        }
        return new Certificates.Field(key, label, shown);
    }

    static String json(List<Frozen> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Frozen> parse(String json) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("certificate fields unreadable", e);
        }
    }
}
