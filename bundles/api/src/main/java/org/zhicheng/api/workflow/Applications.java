package org.zhicheng.api.workflow;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.identity.Caller;

/**
 * The applicant's side of applications, and reading them within a reviewer's scope. Every change is one
 * transaction, audited, and written to the application's history.
 */
@ProviderType
public interface Applications {

    /**
     * Starts a draft of a business at its current version, pinned to it for life.
     *
     * @throws WorkflowException 404 for an unknown business; 409 when the season's limit of applications is
     *         reached or the person is not eligible; 423 outside the applicant window
     */
    Application create(Caller applicant, String businessId, String clientIp);

    /**
     * An application the caller may see: its own, one whose applicant's unit lies in the caller's subtree for
     * callers with {@code application.read}, or one the caller observes through one of its business's observers
     * (GD-PHOTO-6: view without review rights).
     *
     * @throws WorkflowException 404 otherwise, as for one that does not exist
     */
    Application get(Caller caller, String applicationId);

    /**
     * The caller's own application if its parts (answers, files) may change now: a draft or returned application,
     * inside the business's applicant window (GD-PHOTO-3, FJ-1). For the services that change its parts.
     *
     * @throws WorkflowException 404 for another's application; 409 when submitted; 423 outside the applicant window,
     *         with the deadline in the message
     * @since 1.2
     */
    Application changeable(Caller applicant, String applicationId);

    /**
     * How the caller reaches an application it may see, for the services that serve its parts (files).
     *
     * @throws WorkflowException 404 as for {@link #get}
     * @since 1.2
     */
    Reach reach(Caller caller, String applicationId);

    /**
     * How a caller reaches an application.
     *
     * @param applicant whether it is the caller's own
     * @param mayDownload whether the caller may download its original files: the applicant, callers with
     *        {@code application.read} in scope, and observers whose observer says {@code canDownload}
     */
    record Reach(boolean applicant, boolean mayDownload) {
    }

    /** The caller's own applications, newest first. */
    List<Application> mine(Caller applicant);

    /**
     * Saves the answers of a draft or returned application. Format problems are refused; missing answers are
     * allowed until submission.
     *
     * @param expectedVersion the version the client read (If-Match)
     * @throws WorkflowException 400 with a problem per field; 409 when not editable; 412 when the version moved on
     */
    Application save(Caller applicant, String applicationId, int expectedVersion, Map<String, Object> answers,
            String clientIp);

    /**
     * Submits a draft or returned application: validated completely against its descriptor version, routed, and
     * handed to the first step. Submitting one already in review answers it unchanged, so a double click makes one
     * submission.
     *
     * @throws WorkflowException 400 with every problem; 409 when not submittable; 412 when the version moved on;
     *         422 when no route applies to the applicant; 423 outside the window
     */
    Application submit(Caller applicant, String applicationId, int expectedVersion, String clientIp);

    /**
     * Withdraws a submitted application to edit it again, where the business allows, until the first step acts
     * (GD-TITLE-6).
     */
    Application withdraw(Caller applicant, String applicationId, String clientIp);

    /** Deletes an application with all its data where the business allows (CQ-APP-6); the audit log keeps a note. */
    void delete(Caller applicant, String applicationId, String clientIp);

    /** The application's history, oldest first, for those who may see the application. */
    List<ApplicationEvent> history(Caller caller, String applicationId);
}
