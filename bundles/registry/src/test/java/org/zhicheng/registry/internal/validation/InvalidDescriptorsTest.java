package org.zhicheng.registry.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zhicheng.registry.internal.validation.Descriptors.assertProblem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The invalid descriptors under {@code descriptors/invalid/}: each is example-profession 1.0.0 with one mistake,
 * and the validator reports exactly that mistake at its pointer.
 */
class InvalidDescriptorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        bad-id.json                         | /id                                        | does not match the regex pattern ^[a-z][a-z0-9-]{2,63}$
        bad-version.json                    | /version                                   | does not match the regex pattern
        missing-zh.json                     | /name/zh                                   | required property 'zh' not found
        additional-property.json            | /form/sections/0/fields/0/hidden           | is not defined in the schema and the schema does not allow additional properties
        unknown-field-in-condition.json     | /form/sections/0/fields/2/visibleWhen/field | Unknown field 'declaredLevl'.
        unknown-step-in-route.json          | /review/routes/0/steps/1                   | Unknown step 'city-review'.
        duplicate-field-id.json             | /form/sections/0/fields/4/id               | Duplicate section or field id 'name': already used at /form/sections/0/fields/0/id.
        min-rows-greater-than-max-rows.json | /form/sections/1/minRows                   | minRows (5) is greater than maxRows (2).
        unknown-dictionary.json             | /form/sections/0/fields/2/dictionary       | Unknown dictionary 'specialtys'.
        """)
    void reportsTheMistake(String file, String pointer, String message) {
        DescriptorValidation validation = Descriptors.validate("invalid/" + file);

        assertProblem(validation, pointer, message);
        assertEquals(1, validation.problems().size(), () -> "only the one mistake is reported:\n"
                + Descriptors.describe(validation));
    }
}
