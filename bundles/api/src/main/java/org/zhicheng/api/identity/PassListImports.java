package org.zhicheng.api.identity;

import java.io.InputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports a published pass list (GD-PHOTO-1): an Excel sheet of the people who passed, each with name, resident ID
 * number and unit, whose applicants then sign in and act in the business. The whole list is checked first; one bad
 * row and nothing is imported, every problem reported by row, so nothing is half done.
 *
 * <p>People already registered in the row's unit are left as they are. New ones get an active applicant account
 * without a password: they set one through e-mail recovery when the list gives an address, or receive a one-time
 * password from their unit (account password reset), so no list of passwords ever travels.
 */
@ProviderType
public interface PassListImports {

    /**
     * The business roster the list fills: everyone on the list, new or known, may then start an application of
     * that business in that season (eligibility {@code roster}, GD-PHOTO-1).
     */
    record Roster(String businessId, String seasonId) {
    }

    /** An account the import created. */
    record CreatedApplicant(int row, String accountId, String username, String name, String unitId) {
    }

    /**
     * @param rows data rows read (the header excluded)
     * @param created accounts made
     * @param alreadyRegistered row numbers whose person was registered in that unit already
     */
    record Result(int rows, List<CreatedApplicant> created, List<Integer> alreadyRegistered) {
    }

    /**
     * Imports a pass list. The first row names the columns (姓名/name, 身份证号/idNumber, and 单位/unit unless
     * {@code unitId} is given; optional 手机号/mobile, 邮箱/email, 用户名/username, which defaults to the ID number).
     * A unit is named by its exact name or unified social credit code, within the caller's subtree.
     *
     * @param unitId the unit every row belongs to, or null to read it from each row
     * @param roster the business roster to put everyone on, or null
     * @param spreadsheet the .xlsx or .xls content (at most 10 MB, 50,000 rows)
     * @throws IdentityException 400 with a problem per bad row and field (path {@code rows[5].idNumber}) and
     *         nothing imported; 404 for a unit outside the scope; 503 when the personal-data keys are missing
     */
    Result importPassList(Caller caller, String unitId, Roster roster, InputStream spreadsheet, String clientIp);
}
