package org.zhicheng.registry.internal.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;

/**
 * Validates a business descriptor in three stages and reports every problem it finds, not only the first:
 * <ol>
 * <li>parse the UTF-8 JSON (duplicate keys and trailing content are errors);</li>
 * <li>validate against {@code business-descriptor.schema.json} (JSON Schema 2020-12), loaded once from the API
 *     bundle's class loader; the schema factory never fetches a schema by URL, so nothing leaves the process in
 *     OSGi or elsewhere;</li>
 * <li>bind to {@link BusinessDescriptor} (unknown properties fail) and run the semantic checks the schema cannot
 *     express ({@link SemanticChecks}: unique ids, references, cascades, the route table, …).</li>
 * </ol>
 * A later stage runs only when the earlier ones found nothing, so its messages never repeat a schema problem.
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 */
public final class DescriptorValidator {

    /** The schema resource, relative to the {@link BusinessDescriptor} class. */
    public static final String SCHEMA_RESOURCE = "business-descriptor.schema.json";

    /** The schema's {@code $id}. */
    public static final String SCHEMA_ID = "https://zhicheng.org/schema/business-descriptor/1.0.0";

    private final ObjectMapper mapper;
    private final JsonSchema schema;

    /**
     * Builds the JSON mapper and loads and compiles the schema.
     *
     * @throws IllegalStateException when the schema resource is missing or unreadable
     */
    public DescriptorValidator() {
        this.mapper = descriptorMapper();
        JsonNode schemaNode;
        try (InputStream in = BusinessDescriptor.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Schema resource " + SCHEMA_RESOURCE + " not found next to "
                        + BusinessDescriptor.class.getName());
            }
            schemaNode = mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read schema resource " + SCHEMA_RESOURCE, e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .failFast(false)
                .build();
        this.schema = schemaFactory().getSchema(SchemaLocation.of(SCHEMA_ID), schemaNode, config);
        this.schema.initializeValidators();
    }

    /**
     * A JSON Schema 2020-12 factory that never loads a schema document: every {@code $ref} of the descriptor schema
     * is local, and the disallowing loader, consulted before the library's own classpath and URL loaders, makes any
     * attempt to load another document (by {@code $id}, {@code $ref} or URL) fail at once instead of reaching the
     * network.
     *
     * @return a new factory
     */
    static JsonSchemaFactory schemaFactory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.add(DisallowSchemaLoader.getInstance())));
    }

    /**
     * The JSON mapper configured as descriptor records need: lower-camel enum names, unknown properties and
     * duplicate keys fail, and when writing, absent values and the empty lists the records normalise them to are
     * left out, so that a written descriptor validates again. Code that reads or writes descriptor records
     * elsewhere (e.g. the REST layer) should configure its mapper the same way.
     *
     * @return a new mapper
     */
    public static ObjectMapper descriptorMapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enumNamingStrategy(EnumNamingStrategies.LOWER_CAMEL_CASE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                        JsonInclude.Include.USE_DEFAULTS))
                .build();
    }

    /**
     * Validates a descriptor.
     *
     * @param json the descriptor, UTF-8 JSON
     * @return the bound descriptor when valid, and every problem found
     */
    public DescriptorValidation validate(byte[] json) {
        if (json == null || json.length == 0) {
            return invalid(List.of(new DescriptorProblem("", "The descriptor is empty.")));
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            return invalid(List.of(new DescriptorProblem("", "Not valid JSON: " + originalMessage(e))));
        }
        if (tree == null || tree.isMissingNode()) {
            return invalid(List.of(new DescriptorProblem("", "The descriptor is empty.")));
        }

        List<DescriptorProblem> problems = schemaProblems(tree);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }

        BusinessDescriptor descriptor;
        try {
            descriptor = mapper.treeToValue(tree, BusinessDescriptor.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return invalid(List.of(new DescriptorProblem(pointerOf(e), "Cannot bind the descriptor: "
                    + originalMessage(e))));
        }

        problems = new SemanticChecks(descriptor).run();
        return problems.isEmpty() ? new DescriptorValidation(descriptor, List.of()) : invalid(problems);
    }

    private List<DescriptorProblem> schemaProblems(JsonNode tree) {
        Set<ValidationMessage> messages = schema.validate(tree);
        Set<DescriptorProblem> problems = new LinkedHashSet<>();
        for (ValidationMessage message : messages) {
            String pointer = message.getInstanceLocation() == null ? "" : message.getInstanceLocation().toString();
            if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
                pointer = pointer + "/" + escape(message.getProperty());
            } else if ("required".equals(message.getType()) && message.getProperty() != null) {
                pointer = pointer + "/" + escape(message.getProperty());
            }
            problems.add(new DescriptorProblem(pointer, message.getError() == null
                    ? message.getMessage() : message.getError()));
        }
        List<DescriptorProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(DescriptorProblem::pointer));
        return sorted;
    }

    private static DescriptorValidation invalid(List<DescriptorProblem> problems) {
        return new DescriptorValidation(null, problems);
    }

    private static String pointerOf(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                pointer.append('/');
                if (reference.getFieldName() != null) {
                    pointer.append(escape(reference.getFieldName()));
                } else if (reference.getIndex() >= 0) {
                    pointer.append(reference.getIndex());
                }
            }
            return pointer.toString();
        }
        return "";
    }

    private static String originalMessage(Exception e) {
        if (e instanceof JsonProcessingException processing) {
            String message = processing.getOriginalMessage();
            Throwable cause = processing.getCause();
            if (cause != null && cause.getMessage() != null && !(cause instanceof JsonProcessingException)) {
                message = message + " (" + cause.getMessage() + ")";
            }
            return processing.getLocation() == null ? message
                    : message + " at line " + processing.getLocation().getLineNr()
                            + ", column " + processing.getLocation().getColumnNr();
        }
        return String.valueOf(e.getMessage());
    }

    /** Escapes a JSON pointer reference token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
