package org.zhicheng.api.registry;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.business.Business;

/**
 * The businesses currently offered, tracked from the {@link Business} services of province bundles.
 *
 * <p>A business stays listed while its bundle is being updated: the last known descriptor keeps being served
 * until the replacement registers, so an update never fails a request. Every descriptor ever registered is
 * stored by the SHA-256 of its content; an application remembers that hash and is validated, rendered and
 * routed by it for its whole life, even after the business moved on to a newer version.
 */
@ProviderType
public interface BusinessRegistry {

    /** The businesses currently offered, each at its newest registered version, ordered by id. */
    List<RegisteredBusiness> list();

    /** The newest registered version of one business, or empty when no such business is offered. */
    Optional<RegisteredBusiness> current(String businessId);

    /**
     * A descriptor by content hash, including versions no longer offered (for pinned applications).
     *
     * @param contentHash lower-case hex SHA-256 of the descriptor bytes
     * @return the stored descriptor, or empty when no descriptor with this hash was ever registered
     */
    Optional<RegisteredBusiness> byContentHash(String contentHash);

    /** Every stored version of one business, newest first. */
    List<RegisteredBusiness> history(String businessId);

    /**
     * The live service of the bundle that contributed the descriptor with this hash, for its Java hooks; empty
     * when that bundle is not running (callers then apply the declarative rules of the stored descriptor).
     */
    Optional<Business> service(String contentHash);

    /** Descriptors refused at registration (invalid JSON or rules), newest first; shown by health. */
    List<RejectedBusiness> rejected();
}
