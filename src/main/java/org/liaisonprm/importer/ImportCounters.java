package org.liaisonprm.importer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of one import, which its {@link ImportSummary} is built from. Writer threads add to them while
 * the progress display reads them, so each is atomic.
 */
final class ImportCounters {

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong nodesCreated = new AtomicLong();
    private final AtomicLong nodesUpdated = new AtomicLong();
    private final AtomicLong relationshipsCreated = new AtomicLong();
    private final AtomicLong relationshipsUpdated = new AtomicLong();
    private final AtomicLong sameDayVisits = new AtomicLong();
    private final AtomicLong labelsRemoved = new AtomicLong();

    void rowRead() {
        read.incrementAndGet();
    }

    void accepted() {
        imported.incrementAndGet();
    }

    /** An accepted row turned out to be refused after all. */
    void unaccepted() {
        imported.decrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    void refused() {
        refused.incrementAndGet();
    }

    void nodesCreated(long count) {
        nodesCreated.addAndGet(count);
    }

    void nodesUpdated(long count) {
        nodesUpdated.addAndGet(count);
    }

    void relationshipsCreated(long count) {
        relationshipsCreated.addAndGet(count);
    }

    void relationshipsUpdated(long count) {
        relationshipsUpdated.addAndGet(count);
    }

    void labelsRemoved(long count) {
        labelsRemoved.addAndGet(count);
    }

    /** Whether a write took a label off a node: a node that is no longer what it was (a stub turned practice). */
    boolean relabelled() {
        return labelsRemoved.get() > 0;
    }

    void sameDayVisits(long pairs) {
        sameDayVisits.addAndGet(pairs);
    }

    ImportSummary summary() {
        return new ImportSummary(read.get(), imported.get(), skipped.get(), refused.get(), nodesCreated.get(),
                nodesUpdated.get(), relationshipsCreated.get(), relationshipsUpdated.get(), sameDayVisits.get());
    }
}
