package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * One row of the route table: when {@code when} holds for the applicant's organisation and answers, the chain is
 * {@code steps} (minus optional steps whose condition fails). FJ-4: township → district bureau → city → province;
 * CQ-REV-1: institutional staff and other staff follow different charts.
 *
 * @param id the route id, unique among routes
 * @param name a display name, e.g. 乡镇卫生院 / Township health centres
 * @param when the condition choosing this route; {@code null} for the catch-all, which must be the last route
 * @param steps the step ids in order (at least one, no repeats)
 */
public record Route(String id, BilingualText name, Condition when, List<String> steps) {

    /** Normalises an absent list to an empty one. */
    public Route {
        steps = Defaults.list(steps);
    }
}
