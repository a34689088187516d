package org.liaisonprm.bench;

import java.util.Collection;

/** Recorded latencies, sorted, and their percentiles by nearest rank over all of them (nothing sampled away). */
final class Latencies {

    private final long[] sortedNanos;

    Latencies(Collection<Long> nanos) {
        sortedNanos = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    int count() {
        return sortedNanos.length;
    }

    /**
     * The {@code percent}th percentile in milliseconds by nearest rank: the smallest latency that at least
     * {@code percent}% of all are at or below, the value at rank ⌈percent × count / 100⌉; NaN when there are
     * none.
     */
    double millis(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("A percentile from 1 to 100, not " + percent);
        }
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        long rank = ((long) percent * sortedNanos.length + 99) / 100;
        return sortedNanos[(int) rank - 1] / 1e6;
    }
}
