package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * Rules for an uploaded image (GD-PHOTO-2: colour, red or blue background, at least 128 × 180 px, taken within
 * 6 months and after 2018-07-01; "large 1-inch" 33 × 48 mm). Pixel limits are checked from the image header
 * before decoding; background and colour by sampling the decoded image; age from the EXIF capture date when
 * present (otherwise the reviewer judges).
 *
 * @param minWidth the least width in pixels
 * @param minHeight the least height in pixels
 * @param maxWidth the most width in pixels
 * @param maxHeight the most height in pixels
 * @param aspectRatio the required width : height ratio with a tolerance
 * @param background the permitted background colours; any when empty
 * @param colour whether the image must be in colour (not greyscale); default false
 * @param maxAgeMonths the most months between capture and upload
 * @param takenOnOrAfter the earliest capture date, ISO {@code yyyy-MM-dd}
 */
public record ImageRule(
        Integer minWidth,
        Integer minHeight,
        Integer maxWidth,
        Integer maxHeight,
        AspectRatio aspectRatio,
        List<BackgroundColour> background,
        Boolean colour,
        Integer maxAgeMonths,
        String takenOnOrAfter) {

    /** Normalises absent lists and flags to their defaults. */
    public ImageRule {
        background = Defaults.list(background);
        colour = Defaults.flag(colour, false);
    }
}
