package org.zhicheng.api.identity;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Applicants register themselves under their unit and the unit approves them (CQ-APP-1, CQ-ORG-4). A person is
 * keyed by the resident ID number, registered once per deployment (CQ-ORG-5); the number is stored encrypted and
 * shown masked.
 */
@ProviderType
public interface Registrations {

    /**
     * What an applicant registers with.
     *
     * @param idNumber the resident ID number as typed (lower-case x and full-width digits are accepted)
     * @param sex {@code male} or {@code female}, checked against the ID number
     * @param birthDate checked against the ID number
     * @param unitId the unit chosen in the organisation tree; must be active
     * @param staffType {@code institutional} or {@code other} (CQ-APP-1; "other" needs an archive check later)
     */
    record Application(String username, String password, String name, String idNumber, String sex,
            LocalDate birthDate, String mobile, String unitId, String staffType) {
    }

    /**
     * An applicant awaiting approval, as the unit sees it: the ID number masked.
     */
    record PendingApplicant(String accountId, String username, String name, String idNumberMasked, String sex,
            LocalDate birthDate, String mobileMasked, String staffType, String unitId) {
    }

    /**
     * Registers an applicant; the account can sign in once the unit approves it.
     *
     * @return the new account's id
     * @throws IdentityException 400 with every invalid field (ID number check digit, birth date, weak password …),
     *         404 for an unknown or inactive unit, 409 when the username is taken or the ID number is already
     *         registered, naming the unit that holds it so the person knows whom to ask (CQ-ORG-5)
     */
    String register(Application application, String clientIp);

    /** Applicants awaiting approval in one unit of the caller's subtree. */
    List<PendingApplicant> pending(Caller caller, String unitId);

    /** Approves a pending applicant of the caller's subtree: the account can sign in. */
    void approve(Caller caller, String accountId, String clientIp);

    /**
     * Rejects a pending applicant with a reason: the registration is removed, so the person can register again,
     * e.g. under the right unit (CQ-ORG-5); the audit log keeps the reason.
     */
    void reject(Caller caller, String accountId, String reason, String clientIp);
}
