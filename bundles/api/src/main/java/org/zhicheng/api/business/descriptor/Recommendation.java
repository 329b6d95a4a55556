package org.zhicheng.api.business.descriptor;

/**
 * The recommendation opinion a step records with the {@code recommend} action: text, signer and date, printed in
 * this level's box of the review form (CQ-REV-2, e.g. 基层单位意见 "同意推荐。").
 *
 * @param label the title of this level's opinion, e.g. 基层单位意见 / Opinion of the employer unit
 * @param defaultText the text proposed to the reviewer, e.g. 同意推荐。
 * @param signer whether a signer's name is required; default true
 * @param date whether a signing date is required; default true
 */
public record Recommendation(BilingualText label, BilingualText defaultText, Boolean signer, Boolean date) {

    /** Normalises absent flags to their defaults. */
    public Recommendation {
        signer = Defaults.flag(signer, true);
        date = Defaults.flag(date, true);
    }
}
