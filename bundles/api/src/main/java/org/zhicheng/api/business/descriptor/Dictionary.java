package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * A code list that choice, region and organisation fields pick from (GD-TITLE-3 region tree, committees by
 * specialty; FJ-2 units and the declared level → qualification → … cascade). Either inline {@code entries} or a
 * named {@code source} the deployment supplies: {@code organisations} (the deployment's organisation tree),
 * {@code regions} (the administrative region tree), or another name a deployment's dictionary provider offers.
 *
 * <p>Trees and cascades: an entry's {@code parent} is a code of this dictionary (a tree, e.g. regions), or, when
 * {@code parentDictionary} is set, a code of that dictionary (one level of a cascade, e.g. qualifications under
 * declared levels).
 *
 * @param id the dictionary id, unique in the business
 * @param name the display name
 * @param source the named external source; {@code null} for inline entries
 * @param parentDictionary the dictionary the entries' parent codes belong to; this one when {@code null}
 * @param entries the inline entries
 */
public record Dictionary(
        String id,
        BilingualText name,
        String source,
        String parentDictionary,
        List<DictionaryEntry> entries) {

    /** The source naming the deployment's organisation tree. */
    public static final String SOURCE_ORGANISATIONS = "organisations";

    /** The source naming the administrative region tree. */
    public static final String SOURCE_REGIONS = "regions";

    /** Normalises an absent list to an empty one. */
    public Dictionary {
        entries = Defaults.list(entries);
    }
}
