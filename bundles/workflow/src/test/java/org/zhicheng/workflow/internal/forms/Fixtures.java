package org.zhicheng.workflow.internal.forms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.registry.internal.validation.DescriptorValidation;
import org.zhicheng.registry.internal.validation.DescriptorValidator;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The registry's fixture descriptors, bound and validated by the real validator, and small builders for tests. */
public final class Fixtures {

    private static final Map<String, BusinessDescriptor> LOADED = new HashMap<>();

    private Fixtures() {
    }

    /**
     * A descriptor of the registry's test resources ({@code descriptors/<name>.json}), which must be valid.
     *
     * @param name e.g. {@code cq-health-senior}
     */
    public static synchronized BusinessDescriptor descriptor(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try (InputStream in = Fixtures.class.getResourceAsStream("/descriptors/" + n + ".json")) {
                Objects.requireNonNull(in, "no fixture descriptor " + n);
                DescriptorValidation validation = new DescriptorValidator().validate(in.readAllBytes());
                assertTrue(validation.valid(), () -> n + ": " + validation.problems());
                return validation.descriptor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Binds a descriptor record (a Form, a Condition …) from JSON as the registry does. */
    public static <T> T bind(String json, Class<T> type) {
        try {
            return DescriptorValidator.descriptorMapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An organisation; {@code attributes} are name, value pairs. */
    public static OrganisationRef org(String id, String type, int level, String... attributes) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new OrganisationRef(id, type, level, map);
    }

    /** A path from the unit up to the root. */
    public static List<OrganisationRef> path(OrganisationRef... unitFirst) {
        return List.of(unitFirst);
    }

    /** A mutable row or answer map from key, value pairs. */
    public static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
