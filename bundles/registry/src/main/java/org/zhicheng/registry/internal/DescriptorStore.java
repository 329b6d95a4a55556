package org.zhicheng.registry.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Reads and writes {@link StoredDescriptor} rows, each call in its own transaction ({@code Required} for reads
 * too: Aries' resource-local template accepts no other type).
 */
final class DescriptorStore {

    private final JpaTemplate jpa;

    DescriptorStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /**
     * Records a registration: inserts the descriptor the first time its content is seen, otherwise only notes
     * the time. Returns when this content was first registered.
     */
    Instant register(String contentHash, String businessId, String version, String bundle, String json) {
        Instant now = Instant.now();
        return jpa.txExpr(TransactionType.Required, em -> {
            StoredDescriptor row = em.find(StoredDescriptor.class, contentHash);
            if (row == null) {
                row = new StoredDescriptor(contentHash, businessId, version, bundle, json, now);
                em.persist(row);
            } else {
                row.registeredAgain(now);
            }
            return row.firstRegistered();
        });
    }

    Optional<StoredDescriptor> find(String contentHash) {
        return Optional.ofNullable(
                jpa.txExpr(TransactionType.Required, em -> em.find(StoredDescriptor.class, contentHash)));
    }

    List<StoredDescriptor> history(String businessId) {
        return jpa.txExpr(TransactionType.Required, em -> em
                .createNamedQuery(StoredDescriptor.HISTORY, StoredDescriptor.class)
                .setParameter("businessId", businessId)
                .getResultList());
    }
}
