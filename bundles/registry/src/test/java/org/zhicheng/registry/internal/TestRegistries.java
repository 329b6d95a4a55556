package org.zhicheng.registry.internal;

import java.time.Duration;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.Constants;
import org.zhicheng.api.business.Business;
import org.zhicheng.registry.internal.validation.DescriptorValidator;

/** The real registry outside OSGi, on a test database, for the tests of this and other modules. */
public final class TestRegistries {

    private TestRegistries() {
    }

    /** What Aries' resource-local template does: one transaction per call. */
    public record LocalJpaTemplate(EntityManagerFactory emf) implements JpaTemplate {
        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                R result = code.apply(em);
                em.getTransaction().commit();
                return result;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }

        @Override
        public void tx(TransactionType type, EmConsumer code) {
            txExpr(type, em -> {
                code.accept(em);
                return null;
            });
        }

        @Override
        public <R> R txExpr(EmFunction<R> code) {
            return txExpr(TransactionType.Required, code);
        }

        @Override
        public void tx(EmConsumer code) {
            tx(TransactionType.Required, code);
        }
    }

    /** A registry and the persistence unit behind it; closing closes the unit. */
    public record OpenRegistry(BusinessRegistryImpl registry, EntityManagerFactory emf) implements AutoCloseable {
        @Override
        public void close() {
            emf.close();
        }

        /** Offers a business as its bundle's service would. */
        public void offer(Business business, String businessId, long serviceId) {
            registry.addBusiness(business, Map.of(Constants.SERVICE_ID, serviceId, Constants.SERVICE_BUNDLEID,
                    serviceId, Business.SERVICE_PROPERTY_ID, businessId));
        }
    }

    public static EntityManagerFactory emf(DataSource dataSource) {
        return new PersistenceProvider().createEntityManagerFactory("zhicheng-registry",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
    }

    /** A registry with the given grace period before a detached business leaves the list. */
    public static BusinessRegistryImpl registry(EntityManagerFactory emf, Duration grace) {
        return new BusinessRegistryImpl(new DescriptorStore(new LocalJpaTemplate(emf)), new DescriptorValidator(),
                grace, id -> "test.bundle/" + id, null);
    }

    public static OpenRegistry open(DataSource dataSource) {
        EntityManagerFactory emf = emf(dataSource);
        return new OpenRegistry(registry(emf, Duration.ofSeconds(30)), emf);
    }
}
