package org.zhicheng.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.workflow.internal.rules.Windows;

/** The season an application belongs to: the descriptor's, or the calendar year in Beijing when it has none. */
final class Seasons {

    private Seasons() {
    }

    static String of(BusinessDescriptor d, Instant now) {
        return d.season() != null ? d.season().id() : String.valueOf(LocalDate.ofInstant(now, Windows.BEIJING).getYear());
    }
}
