package org.zhicheng.workflow.internal.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Predicate;

import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Window;
import org.zhicheng.api.workflow.WorkflowException;

/**
 * The action windows of a season (GD-PHOTO-3, FJ-1): an action that a window covers is allowed only from its
 * opening (inclusive) to its closing (exclusive); an action no window covers is allowed at any time. Refusals
 * name the deadline in Beijing time, whatever the server's zone.
 */
public final class Windows {

    /** The zone deadlines are shown in. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Windows() {
    }

    /** Refuses an applicant action (create, save, submit, withdraw, delete) outside its window. */
    public static void requireApplicantOpen(BusinessDescriptor d, Instant now) {
        require(d, now, Window::applicant);
    }

    /** Refuses a reviewer action at a step outside its window. */
    public static void requireStepOpen(BusinessDescriptor d, String stepId, Instant now) {
        require(d, now, w -> w.steps().contains(stepId));
    }

    /** Refuses a gate's submit-all outside its window (GD-PHOTO-3 unit submission). */
    public static void requireGateOpen(BusinessDescriptor d, String gateId, Instant now) {
        require(d, now, w -> w.gates().contains(gateId));
    }

    private static void require(BusinessDescriptor d, Instant now, Predicate<Window> covers) {
        if (d.season() == null) {
            return;
        }
        for (Window w : d.season().windows()) {
            if (!covers.test(w)) {
                continue;
            }
            OffsetDateTime opens = w.opensAt();
            OffsetDateTime closes = w.closesAt();
            boolean early = opens != null && now.isBefore(opens.toInstant());
            boolean late = closes != null && !now.isBefore(closes.toInstant());
            if (early || late) {
                throw closed(w, early);
            }
        }
    }

    private static WorkflowException closed(Window w, boolean early) {
        if (w.closedMessage() != null) {
            return new WorkflowException(423, early ? "window-not-open" : "window-closed", w.closedMessage().zh(),
                    w.closedMessage().en());
        }
        String when = Optional.ofNullable(early ? w.opensAt() : w.closesAt())
                .map(t -> t.atZoneSameInstant(BEIJING).format(SHOWN)).orElse("");
        String name = w.name() == null ? "" : w.name().zh();
        String nameEn = w.name() == null ? "" : w.name().en();
        return early
                ? new WorkflowException(423, "window-not-open", "“" + name + "”将于北京时间 " + when + " 开始，届时再办理。",
                        "\"" + nameEn + "\" opens at " + when + " Beijing time; please come back then.")
                : new WorkflowException(423, "window-closed", "“" + name + "”已于北京时间 " + when + " 截止，不能再办理。",
                        "\"" + nameEn + "\" closed at " + when + " Beijing time; it can no longer be done.");
    }
}
