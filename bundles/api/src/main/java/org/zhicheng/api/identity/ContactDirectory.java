package org.zhicheng.api.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How the platform reaches a person it knows only by account: the mobile number registered with the person behind
 * the account (FJ-2, stored encrypted), for SMS (FJ-5). Meant for the outbox at the moment it sends; callers must
 * not store or log the number unmasked. Without the personal-data keys the service is not available.
 *
 * @since 1.1
 */
@ProviderType
public interface ContactDirectory {

    /**
     * The mobile number of the person behind an account.
     *
     * @param accountId the account
     * @return the number (digits only, e.g. {@code 13800138000}); empty when the account is unknown or deleted or
     *         has no number on file
     * @throws IllegalStateException when the number cannot be read (database unavailable, data encrypted with a
     *         key this node does not hold)
     */
    Optional<String> mobile(String accountId);

    /**
     * The ID number of the person behind an account, for naming the person's files where a business says so
     * (GD-PHOTO-2 photos named by ID number; GD-PHOTO-6 zip downloads). Callers must not store or log it beyond
     * that name.
     *
     * @param accountId the account
     * @return the ID number as registered (upper-case, e.g. {@code 44010619900307123X}); empty when the account is
     *         unknown or deleted or no person is behind it
     * @throws IllegalStateException when the number cannot be read
     * @since 1.2
     */
    Optional<String> idNumber(String accountId);
}
