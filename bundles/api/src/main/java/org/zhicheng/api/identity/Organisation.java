package org.zhicheng.api.identity;

import java.util.Objects;

/**
 * An organisation of a deployment's tree: a province, city or district authority, a unit, an exam region, exam
 * site or registration point, a title-reform office (CQ-ORG-1, CQ-ORG-4, FJ-8).
 *
 * @param id its id
 * @param parentId its parent's id, or {@code null} for the deployment's root
 * @param type its type code, e.g. {@code district-commission}, {@code unit}, {@code exam-site}
 * @param level its depth below the root (the root is 0)
 * @param name its official name (matching its seal, CQ-ORG-2)
 * @param creditCode its unified social credit code (GB 32100), or {@code null}
 * @param regionCode its administrative region code, or {@code null}
 * @param status {@code pending} (registered, awaiting its parent), {@code active}, {@code disabled} or
 *        {@code rejected}
 * @param version the optimistic-locking version; an update names the version it was based on
 */
public record Organisation(String id, String parentId, String type, int level, String name, String creditCode,
        String regionCode, String status, int version) {

    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
