package org.zhicheng.api.audit;

/**
 * The result of recomputing the audit chain.
 *
 * @param intact whether every entry links to its predecessor and matches its own hash, and the head matches the
 *        last entry
 * @param entriesChecked how many entries were recomputed
 * @param firstBrokenSeq the number of the first entry that breaks the chain, or -1 when intact
 * @param problem what is wrong there, in English for administrators, or {@code null} when intact
 */
public record ChainVerification(boolean intact, long entriesChecked, long firstBrokenSeq, String problem) {

    public static ChainVerification ok(long entriesChecked) {
        return new ChainVerification(true, entriesChecked, -1, null);
    }

    public static ChainVerification broken(long entriesChecked, long seq, String problem) {
        return new ChainVerification(false, entriesChecked, seq, problem);
    }
}
