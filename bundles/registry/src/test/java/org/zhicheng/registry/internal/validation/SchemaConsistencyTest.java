package org.zhicheng.registry.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhicheng.api.business.descriptor.*;

/**
 * The JSON Schema and the Java records describe the same format: every record's components are exactly its
 * schema object's properties, every enum's JSON texts are exactly one of the schema's enum lists, and the schema
 * keeps its house rules (closed objects, a description on every property).
 */
class SchemaConsistencyTest {

    private static JsonNode schema;

    /** Schema definition name → record. */
    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry("text", BilingualText.class), Map.entry("condition", Condition.class),
            Map.entry("window", Window.class), Map.entry("season", Season.class), Map.entry("option", Option.class),
            Map.entry("computation", Computation.class), Map.entry("rule", Rule.class),
            Map.entry("orderKey", OrderKey.class), Map.entry("rowOrder", RowOrder.class), Map.entry("field", Field.class),
            Map.entry("section", Section.class), Map.entry("form", Form.class),
            Map.entry("aspectRatio", AspectRatio.class), Map.entry("imageRule", ImageRule.class),
            Map.entry("pdfRule", PdfRule.class), Map.entry("fileNameRule", FileNameRule.class),
            Map.entry("slotBacking", SlotBacking.class), Map.entry("slot", UploadSlot.class),
            Map.entry("uploads", Uploads.class), Map.entry("selector", OrganisationSelector.class),
            Map.entry("recommendation", Recommendation.class), Map.entry("step", ReviewStep.class),
            Map.entry("route", Route.class), Map.entry("gate", Gate.class), Map.entry("observer", Observer.class),
            Map.entry("returnPolicy", ReturnPolicy.class), Map.entry("reasonCode", ReasonCode.class),
            Map.entry("notification", Notification.class),
            Map.entry("column", Column.class), Map.entry("review", Review.class), Map.entry("block", Block.class),
            Map.entry("page", Page.class), Map.entry("watermark", Watermark.class), Map.entry("document", Document.class),
            Map.entry("certificateField", CertificateField.class), Map.entry("numbering", Numbering.class),
            Map.entry("seal", Seal.class), Map.entry("certificate", Certificate.class),
            Map.entry("dictionaryEntry", DictionaryEntry.class), Map.entry("dictionary", Dictionary.class),
            Map.entry("options", Options.class));

    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(FieldType.class, ComputationKind.class,
            Prefill.class, FileType.class, BackgroundColour.class, PageSize.class, Orientation.class,
            FileNameSource.class, FileNameMode.class, ReviewAction.class, OrganisationPick.class,
            GateRequirement.class, ReturnTarget.class, ResubmitFrom.class, NotificationEvent.class, Recipient.class,
            Channel.class, ColumnMeta.class, DocumentKind.class, DocumentFormat.class, Adjustment.class,
            Audience.class, CertificateMeta.class, SealPosition.class, DeletePolicy.class, Eligibility.class);

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = BusinessDescriptor.class.getResourceAsStream(DescriptorValidator.SCHEMA_RESOURCE)) {
            assertNotNull(in, "the schema is a resource of the API package");
            schema = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void schemaIdentity() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertEquals(DescriptorValidator.SCHEMA_ID, schema.get("$id").asText());
    }

    @Test
    void everyObjectIsClosedAndEveryPropertyDescribed() {
        List<String> problems = new ArrayList<>();
        walk(schema, "#", problems);
        assertEquals(List.of(), problems);
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            if (node.has("properties")) {
                if (!node.path("additionalProperties").isBoolean() || node.get("additionalProperties").asBoolean()) {
                    problems.add(path + " is not closed");
                }
                for (Map.Entry<String, JsonNode> property : node.get("properties").properties()) {
                    if (!property.getValue().hasNonNull("description")) {
                        problems.add(path + "/properties/" + property.getKey() + " has no description");
                    }
                }
            }
            node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, problems);
            }
        }
    }

    @Test
    void recordsMirrorTheSchema() {
        assertEquals(propertiesOf(schema), componentsOf(BusinessDescriptor.class), "BusinessDescriptor");
        JsonNode defs = schema.get("$defs");
        Set<String> objectDefs = new HashSet<>();
        defs.properties().forEach(e -> {
            if (e.getValue().has("properties")) {
                objectDefs.add(e.getKey());
            }
        });
        assertEquals(objectDefs, RECORDS.keySet(), "every schema object has a record");
        RECORDS.forEach((name, type) -> assertEquals(propertiesOf(defs.get(name)), componentsOf(type), name));
    }

    @Test
    void requiredPropertiesAreRecordComponents() {
        JsonNode defs = schema.get("$defs");
        RECORDS.forEach((name, type) -> defs.get(name).path("required")
                .forEach(r -> assertTrue(componentsOf(type).contains(r.asText()), name + "." + r.asText())));
    }

    @Test
    void enumsMirrorTheSchema() {
        Set<Set<String>> schemaEnums = new HashSet<>();
        collectEnums(schema, schemaEnums);
        for (Class<? extends Enum<?>> type : ENUMS) {
            Set<String> texts = Arrays.stream(type.getEnumConstants()).map(c -> jsonOf(c))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            assertTrue(schemaEnums.contains(texts), type.getSimpleName() + " " + texts + " is not a schema enum");
            for (Enum<?> constant : type.getEnumConstants()) {
                assertEquals(constant, fromJson(type, jsonOf(constant)));
            }
        }
    }

    @Test
    void recordsNormaliseAbsentListsAndFlags() {
        Section section = new Section("s", new BilingualText("节", "Section"), null, null, null, null, null, null, null,
                null, null, null);
        assertEquals(List.of(), section.fields());
        assertFalse(section.repeatable());
        assertEquals(0, section.minRowsOrDefault());
        assertTrue(new Gate("g", null, null, null, null, null, null).irrevocable());
        assertEquals(DeletePolicy.DRAFT, Options.DEFAULTS.applicantMayDelete());
        assertEquals(OrganisationSelector.DEFAULT_ROLE, new OrganisationSelector(OrganisationPick.ROOT, null, null,
                null, null, null).role());
        assertEquals(Map.of(), new DictionaryEntry("c", null, null, null).attributes());
        assertEquals("$today", new Computation(ComputationKind.MONTHS_BETWEEN, "a", null, null).toOrToday());
    }

    private static Set<String> propertiesOf(JsonNode objectSchema) {
        Set<String> names = new LinkedHashSet<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> componentsOf(Class<?> type) {
        assertTrue(type.isRecord(), type + " is a record");
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static void collectEnums(JsonNode node, Set<Set<String>> out) {
        if (node.isObject()) {
            if (node.has("enum")) {
                Set<String> values = new LinkedHashSet<>();
                node.get("enum").forEach(v -> values.add(v.asText()));
                out.add(values);
            }
            node.elements().forEachRemaining(child -> collectEnums(child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectEnums(child, out));
        }
    }

    private static String jsonOf(Enum<?> constant) {
        try {
            return (String) constant.getClass().getMethod("json").invoke(constant);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object fromJson(Class<?> type, String text) {
        try {
            return type.getMethod("fromJson", String.class).invoke(null, text);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
