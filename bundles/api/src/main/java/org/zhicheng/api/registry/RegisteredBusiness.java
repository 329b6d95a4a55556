package org.zhicheng.api.registry;

import java.time.Instant;
import java.util.Objects;

import org.zhicheng.api.business.descriptor.BusinessDescriptor;

/**
 * One registered descriptor version of a business.
 *
 * @param descriptor the validated descriptor
 * @param json the descriptor exactly as registered (UTF-8 JSON); its SHA-256 is {@code contentHash}
 * @param contentHash lower-case hex SHA-256 of the descriptor bytes
 * @param bundle the symbolic name and version of the bundle that contributed it
 * @param state whether its bundle currently offers it
 * @param firstRegistered when this content was first registered on this deployment
 */
public record RegisteredBusiness(BusinessDescriptor descriptor, String json, String contentHash, String bundle,
        State state, Instant firstRegistered) {

    /** Whether a descriptor version is currently backed by a running bundle. */
    public enum State {
        /** Its bundle is running and registered it. */
        ACTIVE,
        /**
         * Its service went away (e.g. the bundle is being updated); the last known descriptor keeps being served
         * until a replacement registers or the grace period ends.
         */
        DETACHED,
        /** No longer offered; kept for applications pinned to it. */
        RETIRED
    }

    public RegisteredBusiness {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(firstRegistered, "firstRegistered");
    }

    /** The business id, from the descriptor. */
    public String id() {
        return descriptor.id();
    }

    /** The descriptor version, from the descriptor. */
    public String version() {
        return descriptor.version();
    }

    /** A copy in another state. */
    public RegisteredBusiness withState(State newState) {
        return new RegisteredBusiness(descriptor, json, contentHash, bundle, newState, firstRegistered);
    }
}
