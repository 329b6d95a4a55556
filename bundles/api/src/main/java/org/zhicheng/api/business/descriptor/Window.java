package org.zhicheng.api.business.descriptor;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A time window for a group of actions (GD-PHOTO-3: applicants upload and submit by 2019-01-13 23:00, units
 * review and submit by 2019-01-15 17:30; FJ-1: registration 2019-12-24 .. 2020-01-13). Outside the window the
 * actions it covers are refused with {@code closedMessage}; viewing and printing are never restricted.
 *
 * @param id the window id, unique in the season
 * @param name the display name, e.g. 申报人上传提交 / Applicant upload and submission
 * @param opens the first instant the actions are allowed, ISO-8601 with offset, e.g.
 *     {@code 2019-12-24T08:00:00+08:00}; {@code null} for no start
 * @param closes the instant from which the actions are refused, ISO-8601 with offset; {@code null} for no end
 * @param applicant whether the window covers the applicant's actions (create, edit, upload, submit, withdraw,
 *     delete); default false
 * @param steps the review steps whose actions the window covers
 * @param gates the gates whose submit-all the window covers (GD-PHOTO-3 unit submission)
 * @param closedMessage the message shown when an action is refused outside the window; a generic message when
 *     {@code null}
 */
public record Window(
        String id,
        BilingualText name,
        String opens,
        String closes,
        Boolean applicant,
        List<String> steps,
        List<String> gates,
        BilingualText closedMessage) {

    /** Normalises absent lists and the applicant flag. */
    public Window {
        applicant = Defaults.flag(applicant, false);
        steps = Defaults.list(steps);
        gates = Defaults.list(gates);
    }

    /** {@link #opens()} as an instant with offset, {@code null} when absent. */
    public OffsetDateTime opensAt() {
        return opens == null ? null : OffsetDateTime.parse(opens);
    }

    /** {@link #closes()} as an instant with offset, {@code null} when absent. */
    public OffsetDateTime closesAt() {
        return closes == null ? null : OffsetDateTime.parse(closes);
    }
}
