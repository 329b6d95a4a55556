package org.zhicheng.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.business.Business;
import org.zhicheng.api.health.Health;
import org.zhicheng.api.health.HealthIndicator;
import org.zhicheng.api.persistence.BlobRef;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.registry.RegisteredBusiness;
import org.zhicheng.api.registry.RegisteredBusiness.State;
import org.zhicheng.api.registry.RejectedBusiness;
import org.zhicheng.registry.internal.validation.DescriptorProblem;
import org.zhicheng.registry.internal.validation.DescriptorValidation;
import org.zhicheng.registry.internal.validation.DescriptorValidator;

/**
 * Tracks {@link Business} services as a whiteboard. Each descriptor is validated, stored by content hash and
 * served; when a service goes away (a bundle update stops it for some tens of milliseconds) its last known
 * descriptor is kept serving until a replacement registers, the bundle is uninstalled, or the grace period
 * ends. A replacement that fails validation is refused and the last good version keeps serving.
 *
 * <p>Reads never lock: they see an immutable snapshot rebuilt on every change.
 */
@Component(service = {BusinessRegistry.class, HealthIndicator.class}, immediate = true,
        configurationPid = "org.zhicheng.registry")
@Designate(ocd = BusinessRegistryImpl.Config.class)
public final class BusinessRegistryImpl implements BusinessRegistry, HealthIndicator {

    /** Settings of the registry ({@code etc/org.zhicheng.registry.cfg}). */
    @ObjectClassDefinition(name = "Zhicheng business registry")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a business stays listed after its service went away without"
                + " a replacement (a bundle update takes well under a second).")
        long detachedGraceSeconds() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(BusinessRegistryImpl.class);
    private static final int REJECTIONS_KEPT = 50;

    /** One descriptor version as the registry holds it. */
    private record Entry(RegisteredBusiness business, long bundleId, Business service, Instant detachedAt) {
    }

    /** What readers see; replaced whole on every change. */
    private record Snapshot(Map<String, RegisteredBusiness> served, Map<String, Entry> byHash) {
    }

    private final DescriptorStore store;
    private final DescriptorValidator validator;
    private final Duration grace;
    private final LongFunction<String> bundleNames;
    private final ScheduledExecutorService timer;
    private final BundleContext context;
    private final BundleListener uninstallListener;

    // Guarded by this.
    private final Map<Long, Entry> active = new HashMap<>();
    private final Map<String, Entry> detached = new HashMap<>();
    private final Deque<RejectedBusiness> rejections = new ArrayDeque<>();
    private final Map<Long, String> rejectedBundles = new HashMap<>();

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private final Map<String, RegisteredBusiness> storedByHash = new ConcurrentHashMap<>();

    @Activate
    public BusinessRegistryImpl(@Reference(target = "(osgi.unit.name=zhicheng-registry)") JpaTemplate jpa,
            @Reference DatabaseSchema schema, BundleContext context, Config config) {
        this(new DescriptorStore(jpa), new DescriptorValidator(), Duration.ofSeconds(config.detachedGraceSeconds()),
                id -> describe(context.getBundle(id), id), context);
    }

    BusinessRegistryImpl(DescriptorStore store, DescriptorValidator validator, Duration grace,
            LongFunction<String> bundleNames, BundleContext context) {
        this.store = store;
        this.validator = validator;
        this.grace = grace;
        this.bundleNames = bundleNames;
        this.context = context;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhicheng-registry-grace");
            t.setDaemon(true);
            return t;
        });
        this.uninstallListener = event -> {
            if (event.getType() == BundleEvent.UNINSTALLED) {
                bundleUninstalled(event.getBundle().getBundleId());
            }
        };
        if (context != null) {
            context.addBundleListener(uninstallListener);
        }
    }

    @Deactivate
    void deactivate() {
        if (context != null) {
            context.removeBundleListener(uninstallListener);
        }
        timer.shutdownNow();
    }

    private static String describe(Bundle bundle, long id) {
        return bundle == null ? "bundle#" + id : bundle.getSymbolicName() + "/" + bundle.getVersion();
    }

    // ---- whiteboard -------------------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBusiness(Business business, Map<String, Object> properties) {
        long serviceId = longProperty(properties, Constants.SERVICE_ID);
        long bundleId = longProperty(properties, Constants.SERVICE_BUNDLEID);
        String bundle = bundleNames.apply(bundleId);
        Object claimedId = properties.get(Business.SERVICE_PROPERTY_ID);

        byte[] bytes;
        try (InputStream in = business.openDescriptor()) {
            bytes = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            reject(claimedId, bundleId, bundle, List.of("cannot read the descriptor: " + e));
            return;
        }
        DescriptorValidation validation = validator.validate(bytes);
        if (!validation.valid()) {
            reject(claimedId, bundleId, bundle,
                    validation.problems().stream().map(BusinessRegistryImpl::format).toList());
            return;
        }
        var descriptor = validation.descriptor();
        if (claimedId != null && !descriptor.id().equals(claimedId)) {
            reject(claimedId, bundleId, bundle, List.of("/id: the service property " + Business.SERVICE_PROPERTY_ID
                    + "=" + claimedId + " does not match the descriptor id " + descriptor.id()));
            return;
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        String hash = sha256(bytes);
        Instant first;
        try {
            first = store.register(hash, descriptor.id(), descriptor.version(), bundle, json);
        } catch (RuntimeException e) {
            LOG.error("Business {} {} from {} could not be stored", descriptor.id(), descriptor.version(), bundle, e);
            reject(descriptor.id(), bundleId, bundle, List.of("cannot be stored: " + e.getMessage()));
            return;
        }
        RegisteredBusiness registered = new RegisteredBusiness(descriptor, json, hash, bundle, State.ACTIVE, first);
        synchronized (this) {
            active.put(serviceId, new Entry(registered, bundleId, business, null));
            detached.remove(hash);
            if (rejectedBundles.remove(bundleId) != null) {
                rejections.removeIf(r -> r.bundle().equals(bundle));
            }
            publish();
        }
        LOG.info("Business {} {} registered from {} (descriptor {})", descriptor.id(), descriptor.version(), bundle,
                hash);
    }

    void removeBusiness(Business business, Map<String, Object> properties) {
        long serviceId = longProperty(properties, Constants.SERVICE_ID);
        Entry gone;
        synchronized (this) {
            gone = active.remove(serviceId);
            if (gone == null) {
                return;
            }
            boolean stillActive = active.values().stream()
                    .anyMatch(e -> e.business().contentHash().equals(gone.business().contentHash()));
            if (!stillActive) {
                detached.put(gone.business().contentHash(), new Entry(gone.business().withState(State.DETACHED),
                        gone.bundleId(), null, Instant.now()));
            }
            publish();
        }
        LOG.info("Business {} {} went away; its descriptor keeps serving until a replacement registers",
                gone.business().id(), gone.business().version());
        timer.schedule(this::expireDetached, grace.toMillis() + 10, TimeUnit.MILLISECONDS);
    }

    synchronized void bundleUninstalled(long bundleId) {
        boolean changed = detached.values().removeIf(e -> e.bundleId() == bundleId);
        if (rejectedBundles.containsKey(bundleId)) {
            String bundle = rejectedBundles.remove(bundleId);
            rejections.removeIf(r -> r.bundle().equals(bundle));
            changed = true;
        }
        if (changed) {
            publish();
        }
    }

    synchronized void expireDetached() {
        Instant limit = Instant.now().minus(grace);
        // A bundle whose new version was refused keeps its last good descriptor serving until uninstalled.
        boolean changed = detached.values().removeIf(
                e -> !e.detachedAt().isAfter(limit) && !rejectedBundles.containsKey(e.bundleId()));
        if (changed) {
            publish();
        }
    }

    private void reject(Object claimedId, long bundleId, String bundle, List<String> problems) {
        String id = claimedId == null ? "?" : claimedId.toString();
        LOG.error("Business {} from {} refused: its descriptor is invalid:\n  {}", id, bundle,
                String.join("\n  ", problems));
        synchronized (this) {
            rejectedBundles.put(bundleId, bundle);
            rejections.removeIf(r -> r.bundle().equals(bundle));
            rejections.addFirst(new RejectedBusiness(id, bundle, problems, Instant.now()));
            while (rejections.size() > REJECTIONS_KEPT) {
                rejections.removeLast();
            }
        }
    }

    /** Rebuilds the snapshot: per business the newest active version, else the newest detached one. */
    private void publish() {
        Map<String, RegisteredBusiness> served = new TreeMap<>();
        Map<String, Entry> byHash = new HashMap<>();
        Comparator<RegisteredBusiness> newer = Comparator.comparing(RegisteredBusiness::version, Semver.ORDER);
        for (Entry e : detached.values()) {
            byHash.put(e.business().contentHash(), e);
            served.merge(e.business().id(), e.business(), (a, b) -> newer.compare(a, b) >= 0 ? a : b);
        }
        Map<String, RegisteredBusiness> activeServed = new HashMap<>();
        for (Entry e : active.values()) {
            byHash.put(e.business().contentHash(), e);
            activeServed.merge(e.business().id(), e.business(), (a, b) -> newer.compare(a, b) >= 0 ? a : b);
        }
        served.putAll(activeServed);
        snapshot = new Snapshot(Map.copyOf(served), Map.copyOf(byHash));
    }

    // ---- BusinessRegistry ---------------------------------------------------------------------------------

    @Override
    public List<RegisteredBusiness> list() {
        return List.copyOf(new TreeMap<>(snapshot.served()).values());
    }

    @Override
    public Optional<RegisteredBusiness> current(String businessId) {
        return Optional.ofNullable(snapshot.served().get(businessId));
    }

    @Override
    public Optional<RegisteredBusiness> byContentHash(String contentHash) {
        if (!BlobRef.isSha256(contentHash)) {
            return Optional.empty();
        }
        Entry live = snapshot.byHash().get(contentHash);
        if (live != null) {
            return Optional.of(live.business());
        }
        RegisteredBusiness known = storedByHash.get(contentHash);
        if (known != null) {
            return Optional.of(known);
        }
        return store.find(contentHash).map(this::retired).map(b -> {
            storedByHash.put(contentHash, b);
            return b;
        });
    }

    @Override
    public List<RegisteredBusiness> history(String businessId) {
        Map<String, RegisteredBusiness> live = new LinkedHashMap<>();
        snapshot.byHash().forEach((hash, e) -> live.put(hash, e.business()));
        List<RegisteredBusiness> result = new ArrayList<>();
        for (StoredDescriptor row : store.history(businessId)) {
            RegisteredBusiness b = live.get(row.contentHash());
            if (b == null) {
                b = storedByHash.computeIfAbsent(row.contentHash(), h -> retired(row));
            }
            result.add(b);
        }
        return result;
    }

    @Override
    public Optional<Business> service(String contentHash) {
        Entry e = snapshot.byHash().get(contentHash);
        return e == null ? Optional.empty() : Optional.ofNullable(e.service());
    }

    @Override
    public synchronized List<RejectedBusiness> rejected() {
        return List.copyOf(rejections);
    }

    private RegisteredBusiness retired(StoredDescriptor row) {
        DescriptorValidation parsed = validator.validate(row.json().getBytes(StandardCharsets.UTF_8));
        if (parsed.descriptor() == null) {
            throw new IllegalStateException("stored descriptor " + row.contentHash() + " no longer parses: "
                    + parsed.problems());
        }
        return new RegisteredBusiness(parsed.descriptor(), row.json(), row.contentHash(), row.bundle(),
                State.RETIRED, row.firstRegistered());
    }

    // ---- HealthIndicator ------------------------------------------------------------------------------------

    @Override
    public String name() {
        return "businesses";
    }

    @Override
    public Health check() {
        List<Object> businesses = new ArrayList<>();
        for (RegisteredBusiness b : list()) {
            businesses.add(Map.of("id", b.id(), "version", b.version(), "status", b.state().name(),
                    "bundle", b.bundle(), "contentHash", b.contentHash()));
        }
        List<Object> invalid = new ArrayList<>();
        for (RejectedBusiness r : rejected()) {
            invalid.add(Map.of("id", r.businessId(), "status", "INVALID", "bundle", r.bundle(),
                    "problems", r.problems(), "at", r.at().toString()));
        }
        Map<String, Object> details = Map.of("offered", businesses, "invalid", invalid);
        return new Health(invalid.isEmpty() ? Health.Status.UP : Health.Status.DEGRADED, details);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static String format(DescriptorProblem problem) {
        String pointer = problem.pointer() == null || problem.pointer().isEmpty() ? "/" : problem.pointer();
        return pointer + ": " + problem.message();
    }

    private static long longProperty(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        return value instanceof Number n ? n.longValue() : -1;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
