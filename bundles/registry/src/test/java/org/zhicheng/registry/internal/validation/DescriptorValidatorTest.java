package org.zhicheng.registry.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhicheng.registry.internal.validation.Descriptors.assertProblem;
import static org.zhicheng.registry.internal.validation.Descriptors.at;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import org.junit.jupiter.api.Test;
import org.zhicheng.api.business.descriptor.ReviewAction;

/** The validator's stages, its treatment of malformed input, and its thread safety. */
class DescriptorValidatorTest {

    private static DescriptorValidation validate(String json) {
        return Descriptors.VALIDATOR.validate(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyInputIsReported() {
        assertProblem(Descriptors.VALIDATOR.validate(new byte[0]), "", "The descriptor is empty.");
        assertProblem(Descriptors.VALIDATOR.validate(null), "", "The descriptor is empty.");
        assertProblem(validate("   "), "", "The descriptor is empty.");
    }

    @Test
    void malformedJsonIsReportedWithItsPosition() {
        DescriptorValidation validation = validate("{\"id\": \"x\",\n \"version\": }");

        assertProblem(validation, "", "Not valid JSON");
        assertProblem(validation, "", "line 2");
    }

    @Test
    void duplicateKeysAndTrailingContentAreErrors() {
        assertProblem(validate("{\"id\": \"abc\", \"id\": \"abd\"}"), "", "Duplicate field 'id'");
        assertProblem(validate("{} {}"), "", "Not valid JSON");
    }

    @Test
    void aJsonValueOtherThanAnObjectFailsTheSchema() {
        assertProblem(validate("[1, 2]"), "", "array found, object expected");
    }

    @Test
    void everySchemaProblemIsReported() {
        DescriptorValidation validation = Descriptors.validateChanged("gd-health-photo.json", tree -> {
            tree.put("version", "v1");
            at(tree, "/uploads/slots/0").put("maxBytes", -1);
            ((ArrayNode) at(tree, "/uploads/slots/0").get("accept")).add("gif");
            at(tree, "/review/steps/0").put("colour", "red");
        });

        assertProblem(validation, "/version", "does not match the regex pattern");
        assertProblem(validation, "/uploads/slots/0/maxBytes", "must have a minimum value of 1");
        assertProblem(validation, "/uploads/slots/0/accept/1", "does not have a value in the enumeration");
        assertProblem(validation, "/review/steps/0/colour", "is not defined in the schema");
    }

    @Test
    void semanticChecksRunOnlyOnSchemaValidDescriptors() {
        DescriptorValidation validation = Descriptors.validateChanged("gd-health-photo.json", tree -> {
            tree.put("id", "GD");
            ((ArrayNode) at(tree, "/review/routes/0").get("steps")).set(0, "city-review");
        });

        assertProblem(validation, "/id", "does not match the regex pattern");
        assertEquals(1, validation.problems().size(), Descriptors.describe(validation));
    }

    @Test
    void aValidDescriptorHasNoProblemsAndInvalidOnesNoDescriptor() {
        DescriptorValidation valid = Descriptors.validate("gd-health-photo.json");
        DescriptorValidation invalid = Descriptors.validate("invalid/bad-id.json");

        assertTrue(valid.valid());
        assertEquals(List.of(), valid.problems());
        assertFalse(invalid.valid());
        assertNull(invalid.descriptor());
    }

    @Test
    void enumsBindFromLowerCamelText() {
        DescriptorValidation validation = Descriptors.validate("cq-health-senior.json");

        assertTrue(validation.descriptor().step("unit").orElseThrow().actions().contains(ReviewAction.MARK_ROW_DELETED));
        assertEquals("markRowDeleted", ReviewAction.MARK_ROW_DELETED.json());
        assertEquals(ReviewAction.RETURN, ReviewAction.fromJson("return"));
    }

    @Test
    void theSchemaFactoryNeverLoadsADocumentByUrl() {
        JsonSchemaFactory factory = DescriptorValidator.schemaFactory();

        assertThrows(InvalidSchemaException.class,
                () -> factory.getSchema(SchemaLocation.of("https://zhicheng.org/schema/business-descriptor/1.0.0")));
        assertThrows(InvalidSchemaException.class,
                () -> factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema")));
    }

    @Test
    void oneValidatorServesManyThreads() throws Exception {
        List<String> files = List.of("gd-health-photo.json", "gd-title-review.json", "cq-health-senior.json",
                "fj-exam-prereg.json", "invalid/unknown-step-in-route.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String file = files.get(i % files.size());
                results.add(pool.submit(() -> Descriptors.validate(file).valid() == !file.startsWith("invalid/")));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
