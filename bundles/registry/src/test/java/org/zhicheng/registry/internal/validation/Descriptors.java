package org.zhicheng.registry.internal.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helpers: the descriptor files and assertions on validation outcomes. */
final class Descriptors {

    static final Path FIXTURES = Path.of("src/test/resources/descriptors");
    static final Path EXAMPLE_V1 = 
            Path.of("../../examples/example-profession-v1/src/main/resources/META-INF/zhicheng/business.json");
    static final Path EXAMPLE_V2 = 
            Path.of("../../examples/example-profession-v2/src/main/resources/META-INF/zhicheng/business.json");

    /** One validator for all tests, as in production. */
    static final DescriptorValidator VALIDATOR = new DescriptorValidator();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Descriptors() {
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fixture(String name) {
        return bytes(FIXTURES.resolve(name));
    }

    static DescriptorValidation validate(String fixture) {
        return VALIDATOR.validate(fixture(fixture));
    }

    /** Validates a fixture after changing its JSON tree. */
    static DescriptorValidation validateChanged(String fixture, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(fixture(fixture));
            change.accept(tree);
            return VALIDATOR.validate(MAPPER.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a JSON pointer of a tree, for changing it. */
    static ObjectNode at(JsonNode tree, String pointer) {
        return (ObjectNode) tree.at(pointer);
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertValid(DescriptorValidation validation) {
        if (!validation.valid()) {
            fail("Expected a valid descriptor, got:\n" + describe(validation));
        }
    }

    /** Asserts the validation failed with a problem at exactly this pointer whose message contains the text. */
    static void assertProblem(DescriptorValidation validation, String pointer, String messagePart) {
        assertTrue(!validation.valid() && validation.descriptor() == null, "expected an invalid descriptor");
        boolean found = validation.problems().stream()
                .anyMatch(p -> p.pointer().equals(pointer) && p.message().contains(messagePart));
        assertTrue(found, "expected a problem at " + pointer + " containing \"" + messagePart + "\", got:\n"
                + describe(validation));
    }

    static String describe(DescriptorValidation validation) {
        return validation.problems().stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
