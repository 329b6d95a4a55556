package org.zhicheng.media.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.media.check.Finding;

/** The checks' warnings of a stored file, kept as JSON with its row and shown to reviewers. */
final class Warnings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Warnings() {
    }

    private record Stored(String code, String zh, String en) {
    }

    static String json(List<Finding> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(warnings.stream()
                    .map(w -> new Stored(w.code(), w.message().zh(), w.message().en())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("warnings are plain records", e);
        }
    }

    static List<FieldProblem> parse(String json, String path) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Stored>>() { }).stream()
                    .map(w -> new FieldProblem(path, w.code(), w.zh(), w.en())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable warnings of a stored file", e);
        }
    }
}
