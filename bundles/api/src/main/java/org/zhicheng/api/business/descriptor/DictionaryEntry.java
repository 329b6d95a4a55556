package org.zhicheng.api.business.descriptor;

import java.util.Map;

/**
 * One entry of an inline dictionary (FJ-2, CQ-APP-2, GD-TITLE-3).
 *
 * @param code the stored code, unique within the dictionary
 * @param label the label shown
 * @param parent the parent code, in this dictionary or in its {@code parentDictionary}; none for a root entry
 * @param attributes further text attributes, e.g. the eligibility text of a form category (CQ-APP-2)
 */
public record DictionaryEntry(String code, BilingualText label, String parent, Map<String, String> attributes) {

    /** Normalises an absent map to an empty one. */
    public DictionaryEntry {
        attributes = Defaults.map(attributes);
    }
}
