package org.zhicheng.api.business.descriptor;

/**
 * A watermark printed across every page until the application has passed a step or gate (CQ-DOC-1: "草稿" until
 * the unit has submitted to the city commission).
 *
 * @param text the watermark text, e.g. 草稿 / DRAFT
 * @param untilPassed the step or gate after whose passing the watermark disappears
 */
public record Watermark(BilingualText text, String untilPassed) {
}
