package org.liaisonprm.importer;

/**
 * What an import did. A row is read, then imported, skipped (filtered out on purpose: another state, a
 * deactivated NPI, below a threshold, neither provider known with {@code --only-known-npis}) or refused
 * (reported in the error report). {@code sameDayVisits} counts the pairs of providers that saw one patient at
 * the same instant in an encounter file: visits, not referrals in either direction.
 */
public record ImportSummary(long rowsRead, long imported, long skipped, long refused, long nodesCreated,
                            long nodesUpdated, long relationshipsCreated, long relationshipsUpdated, long sameDayVisits) {

    public static final ImportSummary EMPTY = new ImportSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);


    /** The command line's exit code: 0 every row accepted, 3 some refused, 2 nothing imported. */
    public int exitCode() {
        if (refused > 0) {
            return 3;
        }
        return imported + skipped > 0 ? 0 : 2;
    }

    public String describe() {
        return String.format("%,d rows read: %,d imported, %,d skipped, %,d refused; nodes %,d created, %,d updated; "
                        + "relationships %,d created, %,d updated", rowsRead, imported, skipped, refused, nodesCreated,
                nodesUpdated, relationshipsCreated, relationshipsUpdated)
                + (sameDayVisits > 0 ? String.format("; %,d same-day visits (not referrals)", sameDayVisits) : "");
    }
}
