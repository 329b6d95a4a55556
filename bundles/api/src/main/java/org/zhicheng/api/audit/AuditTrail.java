package org.zhicheng.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Appends to and reads the audit log. Entries are numbered consecutively and chained by SHA-256, each over its
 * predecessor's hash and its own content, so that {@link #verify()} detects any entry changed, removed or
 * reordered after the fact. The application never updates or deletes entries (FJ-7: kept forever).
 */
@ProviderType
public interface AuditTrail {

    /**
     * Appends one event in its own transaction.
     *
     * @param event what happened; must not contain passwords, tokens or full ID numbers
     * @return the stored entry with its number and hash
     * @throws AuditException when the event cannot be stored; the caller must then not report success
     */
    AuditEntry record(AuditEvent event);

    /**
     * Entries matching a query, oldest first. Callers apply the caller's permissions before asking.
     *
     * @param query the filters and the page
     * @return at most {@code query.limit()} entries
     */
    default List<AuditEntry> find(AuditQuery query) {
        return find(query, null);
    }

    /**
     * Entries matching a query made by accounts of one organisation subtree: what a superior authority may see of
     * the actions taken below it (GD-CERT-5: access is supervised level by level). Entries without an organisation
     * (anonymous sign-in attempts, the system) lie in no subtree.
     *
     * @param scopePath an organisation path ({@code /rootId/.../}); null for the whole log
     */
    List<AuditEntry> find(AuditQuery query, String scopePath);

    /**
     * Recomputes the whole chain.
     *
     * @return whether it is intact, and if not, the first entry that breaks it
     */
    ChainVerification verify();
}
