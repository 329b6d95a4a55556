package org.zhicheng.registry.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** A row of {@code business_descriptor}: one descriptor version, by the SHA-256 of its bytes. */
@Entity
@Table(name = "business_descriptor")
@NamedQuery(name = StoredDescriptor.HISTORY,
        query = "SELECT d FROM StoredDescriptor d WHERE d.businessId = :businessId ORDER BY d.firstRegistered DESC")
public class StoredDescriptor {

    static final String HISTORY = "StoredDescriptor.history";

    @Id
    @Column(name = "content_hash", length = 64)
    private String contentHash;

    @Column(name = "business_id", nullable = false, length = 64)
    private String businessId;

    @Column(name = "version", nullable = false, length = 32)
    private String version;

    @Column(name = "bundle", nullable = false, length = 300)
    private String bundle;

    @Column(name = "descriptor_json", nullable = false)
    private String json;

    @Column(name = "first_registered", nullable = false)
    private OffsetDateTime firstRegistered;

    @Column(name = "last_registered", nullable = false)
    private OffsetDateTime lastRegistered;

    /** For JPA. */
    protected StoredDescriptor() {
    }

    StoredDescriptor(String contentHash, String businessId, String version, String bundle, String json,
            Instant now) {
        this.contentHash = contentHash;
        this.businessId = businessId;
        this.version = version;
        this.bundle = bundle;
        this.json = json;
        this.firstRegistered = utc(now);
        this.lastRegistered = utc(now);
    }

    String contentHash() {
        return contentHash;
    }

    String bundle() {
        return bundle;
    }

    String json() {
        return json;
    }

    Instant firstRegistered() {
        return firstRegistered.toInstant();
    }

    /** JPA 2.2 maps OffsetDateTime to TIMESTAMP WITH TIME ZONE on H2 and PostgreSQL alike; Instant it does not. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    void registeredAgain(Instant now) {
        lastRegistered = utc(now);
    }
}
