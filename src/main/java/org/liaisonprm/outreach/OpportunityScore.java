package org.liaisonprm.outreach;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * The opportunity score of a target (docs/outreach.md, "Opportunity score"), from 0 to 100:
 * <pre>
 *   100 × (w_leakage × L + w_influence × I + w_segment × S + w_recency × R) / (sum of the weights)
 * </pre>
 * L = leaked revenue ÷ the largest leaked revenue among the physicians ranked together (0 when none leaks);
 * I = influence percentile; S = the segment's value (OPPORTUNITY 1, SPLITTER 0.6, LOYALIST 0.1, NONE 0);
 * R = days since the last interaction ÷ {@code recencyDays}, at most 1, and 1 for a physician never contacted.
 */
public final class OpportunityScore {

    private final OutreachProperties.Score weights;

    public OpportunityScore(OutreachProperties.Score weights) {
        this.weights = weights;
    }

    /** The inputs of one physician's score. */
    public record Inputs(long referrals, long kept, long leaked, double leakedRevenue, double maxLeakedRevenue,
                         double influence, Integer daysSinceContact) {
    }

    /** The score and its four parts in points; they add up to the score. */
    public record Parts(Segment segment, double leakage, double influence, double segmentPoints, double recency) {
        public double score() {
            return leakage + influence + segmentPoints + recency;
        }
    }

    public Parts score(Inputs in) {
        double total = weights.totalWeight();
        double scale = total <= 0 ? 0 : 100 / total;
        double leakage = in.maxLeakedRevenue() <= 0 ? 0 : in.leakedRevenue() / in.maxLeakedRevenue();
        Segment segment = Segment.of(in.referrals(), in.kept(), weights);
        double recency = in.daysSinceContact() == null ? 1
                : Math.min(1, Math.max(0, in.daysSinceContact()) / (double) Math.max(1, weights.recencyDays()));
        return new Parts(segment, scale * weights.leakage() * leakage, scale * weights.influence() * in.influence(),
                scale * weights.segment() * segment.value(), scale * weights.recency() * recency);
    }

    /** The score in words, for the target list. */
    public String explain(Inputs in, Parts parts) {
        var money = NumberFormat.getCurrencyInstance(Locale.US);
        money.setMaximumFractionDigits(0);
        String leak = in.leaked() == 0 ? "no leaked referrals"
                : "leaked " + in.leaked() + " referrals (" + money.format(in.leakedRevenue()) + ")";
        String influence = "influence " + ordinal((int) Math.round(in.influence() * 100)) + " percentile";
        String segment = parts.segment() == Segment.NONE ? "too few referrals for a segment"
                : parts.segment().name().toLowerCase(Locale.ROOT) + ", kept "
                  + Math.round(100.0 * in.kept() / in.referrals()) + " %";
        String contact = in.daysSinceContact() == null ? "never contacted"
                : "last contact " + in.daysSinceContact() + (in.daysSinceContact() == 1 ? " day ago" : " days ago");
        return String.format(Locale.US, "%s +%.1f · %s +%.1f · %s +%.1f · %s +%.1f",
                leak, parts.leakage(), influence, parts.influence(), segment, parts.segmentPoints(), contact, parts.recency());
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
