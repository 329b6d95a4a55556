package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * The upload slots of a business and the quota over all of them (GD-PHOTO-2, CQ-APP-4, FJ-3).
 *
 * @param quotaBytes the most bytes all files of one application may take together (CQ-APP-4: 120 MB);
 *     {@code null} for no quota
 * @param slots the upload slots
 */
public record Uploads(Long quotaBytes, List<UploadSlot> slots) {

    /** Normalises an absent list to an empty one. */
    public Uploads {
        slots = Defaults.list(slots);
    }
}
