package org.zhicheng.registry.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.zhicheng.registry.internal.validation.Descriptors.assertValid;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.ReviewStep;

/** The example profession bundles' descriptors (examples/example-profession-v1 and -v2) are valid. */
class ExampleDescriptorsTest {

    private static BusinessDescriptor load(java.nio.file.Path path) {
        DescriptorValidation validation = Descriptors.VALIDATOR.validate(Descriptors.bytes(path));
        assertValid(validation);
        return validation.descriptor();
    }

    @Test
    void versionOneIsValid() {
        BusinessDescriptor v1 = load(Descriptors.EXAMPLE_V1);

        assertEquals("example-profession", v1.id());
        assertEquals("1.0.0", v1.version());
        assertEquals("example", v1.province());
        assertEquals("示例专业", v1.name().zh());
        assertEquals("Example profession", v1.name().en());
    }

    @Test
    void versionTwoAddsOneFieldAndOneOptionalStep() {
        BusinessDescriptor v1 = load(Descriptors.EXAMPLE_V1);
        BusinessDescriptor v2 = load(Descriptors.EXAMPLE_V2);

        assertEquals("example-profession", v2.id());
        assertEquals("2.0.0", v2.version());
        assertEquals(v1.name(), v2.name());

        List<String> added = new ArrayList<>(v2.fields().map(Field::id).toList());
        added.removeAll(v1.fields().map(Field::id).toList());
        assertEquals(List.of("yearsInField"), added);

        List<ReviewStep> newSteps = new ArrayList<>(v2.review().steps());
        newSteps.removeIf(s -> v1.step(s.id()).isPresent());
        assertEquals(1, newSteps.size());
        assertNotNull(newSteps.get(0).includeWhen(), "the new step is optional");
        v1.review().steps().forEach(s -> assertNull(s.includeWhen()));
    }
}
