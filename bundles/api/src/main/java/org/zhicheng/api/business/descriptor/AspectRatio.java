package org.zhicheng.api.business.descriptor;

/**
 * A required width : height ratio of an image, e.g. 33 : 48 for a "large 1-inch" ID photo (GD-PHOTO-2).
 *
 * @param width the width part of the ratio
 * @param height the height part of the ratio
 * @param tolerance the accepted relative deviation, e.g. {@code 0.05} for ±5 %
 */
public record AspectRatio(int width, int height, double tolerance) {
}
