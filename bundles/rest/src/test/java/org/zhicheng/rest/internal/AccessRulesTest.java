package org.zhicheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;

import org.junit.jupiter.api.Test;

/**
 * Every endpoint states who may call it: a resource method without exactly one {@link Access} rule fails the
 * build, so a new endpoint cannot ship open by accident (P2: authorisation matrix).
 */
class AccessRulesTest {

    static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);
    static final List<Class<? extends Annotation>> RULES = List.of(Access.Public.class, Access.SignedIn.class,
            Access.Requires.class);

    /** Every class of this bundle with a JAX-RS {@code @Path}, found in the build output. */
    static List<Class<?>> resourceClasses() throws Exception {
        Path dir = Path.of("target", "classes", "org", "zhicheng", "rest", "internal");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("org.zhicheng.rest.internal." + name);
                if (type.isAnnotationPresent(javax.ws.rs.Path.class)) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }

    @Test
    void everyEndpointHasExactlyOneAccessRule() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.size() >= 4, "resources found: " + resources);
        List<String> missing = new ArrayList<>();
        int endpoints = 0;
        for (Class<?> type : resources) {
            for (Method method : type.getDeclaredMethods()) {
                if (HTTP_METHODS.stream().noneMatch(method::isAnnotationPresent)) {
                    continue;
                }
                endpoints++;
                long rules = RULES.stream().filter(method::isAnnotationPresent).count();
                if (rules != 1) {
                    missing.add(type.getSimpleName() + "." + method.getName() + " has " + rules + " rules");
                }
                Access.Requires requires = method.getAnnotation(Access.Requires.class);
                if (requires != null) {
                    assertTrue(requires.value().matches("[a-z]+(\\.[a-z-]+)+"), "permission name " + requires.value());
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(endpoints >= 8, "endpoints checked: " + endpoints);
    }

    @Test
    void theRestServerRegistersEveryResource() throws Exception {
        List<Class<?>> registered = RestServer.RESOURCES;
        for (Class<?> type : resourceClasses()) {
            assertTrue(registered.contains(type), type + " is not registered with the server");
        }
        assertFalse(registered.isEmpty());
    }
}
