package org.zhicheng.rest.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method. Every resource method carries exactly one of these (a test fails the build
 * otherwise), and {@link AccessFilter} enforces it before the method runs, so a forgotten check fails closed.
 */
public final class Access {

    private Access() {
    }

    /** Anyone, signed in or not (health, the business catalogue, sign-in itself). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Public {
    }

    /** Any signed-in account, even one that must still change its one-time password (who am I, change password). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface SignedIn {
    }

    /**
     * A signed-in account whose roles grant the permission (FJ-8: permissions are data) and whose one-time password
     * has been changed (FJ-7, FJ-9). Data scope (the caller's organisation subtree) is applied by the service.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Requires {
        /** The permission, e.g. {@code audit.read}. */
        String value();
    }
}
