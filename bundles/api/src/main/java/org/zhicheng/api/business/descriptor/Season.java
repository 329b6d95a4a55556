package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * The round a business runs in, e.g. the 2018 review year, and the windows in which its actions are allowed
 * (GD-PHOTO-3, FJ-1). A season also scopes {@code rejectionBlocksSeason} (CQ-REV-2), the roster of eligible
 * applicants (GD-PHOTO-1) and {@code applicationsPerSeason}.
 *
 * @param id the season id, e.g. {@code 2018}; a new season is a new descriptor version
 * @param name the display name, e.g. 2018年度 / 2018 round
 * @param windows the action windows; an action no window covers is allowed at any time
 */
public record Season(String id, BilingualText name, List<Window> windows) {

    /** Normalises an absent window list to an empty one. */
    public Season {
        windows = Defaults.list(windows);
    }
}
