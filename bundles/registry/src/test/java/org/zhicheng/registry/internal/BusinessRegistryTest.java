package org.zhicheng.registry.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Constants;
import org.zhicheng.api.business.Business;
import org.zhicheng.api.health.Health;
import org.zhicheng.api.registry.RegisteredBusiness;
import org.zhicheng.api.registry.RegisteredBusiness.State;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;
import org.zhicheng.registry.internal.validation.DescriptorValidator;

/**
 * The registry against a real database through EclipseLink, as in Karaf but without the framework: service
 * registrations are played by calling the whiteboard methods with the properties OSGi would pass.
 */
class BusinessRegistryTest {

    static final Path EXAMPLES = Path.of("..", "..", "examples");
    static final Duration GRACE = Duration.ofMillis(400);


    static EntityManagerFactory emf(TestDatabase db) {
        return TestRegistries.emf(db.dataSource());
    }

    static BusinessRegistryImpl registry(EntityManagerFactory emf) {
        return new BusinessRegistryImpl(new DescriptorStore(new TestRegistries.LocalJpaTemplate(emf)),
                new DescriptorValidator(), GRACE, id -> "org.zhicheng.example-profession/" + id, null);
    }

    static byte[] example(int version) throws Exception {
        return Files.readAllBytes(EXAMPLES.resolve("example-profession-v" + version
                + "/src/main/resources/META-INF/zhicheng/business.json"));
    }

    static Business business(byte[] descriptor) {
        return () -> new ByteArrayInputStream(descriptor);
    }

    static Map<String, Object> props(long serviceId, long bundleId) {
        return Map.of(Constants.SERVICE_ID, serviceId, Constants.SERVICE_BUNDLEID, bundleId,
                Business.SERVICE_PROPERTY_ID, "example-profession");
    }

    static List<String> offered(BusinessRegistryImpl registry) {
        return registry.list().stream().map(b -> b.id() + "@" + b.version() + ":" + b.state()).toList();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void keepsServingAcrossAnUpdateAndKeepsEveryVersion(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            EntityManagerFactory emf = emf(db);
            try {
                BusinessRegistryImpl registry = registry(emf);
                Business v1 = business(example(1));
                registry.addBusiness(v1, props(10, 7));
                assertEquals(List.of("example-profession@1.0.0:ACTIVE"), offered(registry));
                String v1Hash = registry.current("example-profession").orElseThrow().contentHash();
                assertEquals(BusinessRegistryImpl.sha256(example(1)), v1Hash);

                // bundle:update: the old service goes, the gap must not empty the list, then the new one comes.
                registry.removeBusiness(v1, props(10, 7));
                assertEquals(List.of("example-profession@1.0.0:DETACHED"), offered(registry));
                assertTrue(registry.service(v1Hash).isEmpty(), "no hooks from a stopped bundle");
                Business v2 = business(example(2));
                registry.addBusiness(v2, props(11, 7));
                assertEquals(List.of("example-profession@2.0.0:ACTIVE"), offered(registry));
                assertTrue(registry.service(registry.current("example-profession").orElseThrow().contentHash())
                        .isPresent());

                // The version an application is pinned to stays reachable, from the database once retired.
                await().atMost(Duration.ofSeconds(5)).until(
                        () -> registry.byContentHash(v1Hash).orElseThrow().state() == State.RETIRED);
                RegisteredBusiness pinned = registry.byContentHash(v1Hash).orElseThrow();
                assertEquals("1.0.0", pinned.version());
                assertEquals(new String(example(1), StandardCharsets.UTF_8), pinned.json());
                assertEquals(List.of("2.0.0", "1.0.0"),
                        registry.history("example-profession").stream().map(RegisteredBusiness::version).toList());

                // A registry started later (another node, or after a restart) finds every version in the database.
                BusinessRegistryImpl restarted = registry(emf);
                assertEquals("1.0.0", restarted.byContentHash(v1Hash).orElseThrow().version());
                assertTrue(restarted.byContentHash("0".repeat(64)).isEmpty());
                registry.deactivate();
                restarted.deactivate();
            } finally {
                emf.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void removedBusinessLeavesAfterTheGracePeriodOrAtOnceWhenUninstalled(TestDatabases.Factory factory)
            throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            EntityManagerFactory emf = emf(db);
            try {
                BusinessRegistryImpl registry = registry(emf);
                Business v1 = business(example(1));
                registry.addBusiness(v1, props(10, 7));
                registry.removeBusiness(v1, props(10, 7));
                assertFalse(registry.list().isEmpty(), "still served during the grace period");
                await().atMost(Duration.ofSeconds(5)).until(() -> registry.list().isEmpty());

                registry.addBusiness(v1, props(12, 8));
                registry.removeBusiness(v1, props(12, 8));
                registry.bundleUninstalled(8);
                assertEquals(List.of(), registry.list(), "an uninstalled bundle is gone at once");
                registry.deactivate();
            } finally {
                emf.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void invalidReplacementIsRefusedAndTheLastGoodVersionKeepsServing(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            EntityManagerFactory emf = emf(db);
            try {
                BusinessRegistryImpl registry = registry(emf);
                Business v1 = business(example(1));
                registry.addBusiness(v1, props(10, 7));
                assertEquals(Health.Status.UP, registry.check().status());

                registry.removeBusiness(v1, props(10, 7));
                String broken = new String(example(2), StandardCharsets.UTF_8).replace("\"2.0.0\"", "\"two\"");
                registry.addBusiness(business(broken.getBytes(StandardCharsets.UTF_8)), props(11, 7));

                assertEquals(1, registry.rejected().size());
                assertTrue(registry.rejected().get(0).problems().stream().anyMatch(p -> p.contains("/version")),
                        registry.rejected().get(0).problems().toString());
                Health health = registry.check();
                assertEquals(Health.Status.DEGRADED, health.status());
                Thread.sleep(GRACE.toMillis() * 3);
                assertEquals(List.of("example-profession@1.0.0:DETACHED"), offered(registry),
                        "the last good version outlives the grace period while its replacement is refused");

                registry.addBusiness(business(example(2)), props(12, 7));
                assertEquals(List.of("example-profession@2.0.0:ACTIVE"), offered(registry));
                assertEquals(List.of(), registry.rejected(), "a valid version clears the bundle's refusal");
                assertEquals(Health.Status.UP, registry.check().status());
                registry.deactivate();
            } finally {
                emf.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void serviceIdMustMatchTheDescriptor(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            EntityManagerFactory emf = emf(db);
            try {
                BusinessRegistryImpl registry = registry(emf);
                registry.addBusiness(business(example(1)), Map.of(Constants.SERVICE_ID, 10L,
                        Constants.SERVICE_BUNDLEID, 7L, Business.SERVICE_PROPERTY_ID, "another-id"));
                assertEquals(List.of(), registry.list());
                assertEquals("another-id", registry.rejected().get(0).businessId());
                assertTrue(registry.rejected().get(0).problems().get(0).contains("does not match"));

                registry.addBusiness(() -> {
                    throw new java.io.IOException("resource missing");
                }, props(11, 9));
                assertTrue(registry.rejected().get(0).problems().get(0).contains("cannot read the descriptor"));
                registry.deactivate();
            } finally {
                emf.close();
            }
        }
    }
}
