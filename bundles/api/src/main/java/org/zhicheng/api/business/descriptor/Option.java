package org.zhicheng.api.business.descriptor;

/**
 * An inline choice of a choice or multi-choice field, for short fixed lists such as the declaration type
 * (CQ-APP-2: normal, exceptional, transfer, multiple, grassroots-directed, reconfirmation).
 *
 * @param code the stored code, unique within the field
 * @param label the label shown
 */
public record Option(String code, BilingualText label) {
}
