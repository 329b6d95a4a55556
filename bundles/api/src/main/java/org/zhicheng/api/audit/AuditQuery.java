package org.zhicheng.api.audit;

import java.time.Instant;

/**
 * Filters for {@link AuditTrail#find}; {@code null} means "any".
 *
 * @param actorAccountId entries by this account
 * @param organisationId entries by accounts of this organisation
 * @param actionPrefix entries whose action starts with this, e.g. {@code login.} (letters, digits, dots and
 *        hyphens only)
 * @param objectType entries about objects of this kind
 * @param objectId entries about this object (with {@code objectType})
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param afterSeq entries numbered above this (the page cursor; 0 for the first page)
 * @param limit the most entries returned, 1 to 1000
 */
public record AuditQuery(String actorAccountId, String organisationId, String actionPrefix, String objectType,
        String objectId, Instant from, Instant to, long afterSeq, int limit) {

    public AuditQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000: " + limit);
        }
        if (actionPrefix != null && !actionPrefix.matches("[a-z0-9.-]{1,64}")) {
            throw new IllegalArgumentException("actionPrefix must be part of an action name: " + actionPrefix);
        }
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must not be negative: " + afterSeq);
        }
    }

    /** Every entry, one page at a time. */
    public static AuditQuery all(long afterSeq, int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, afterSeq, limit);
    }
}
