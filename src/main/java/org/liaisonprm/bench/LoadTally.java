package org.liaisonprm.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.liaisonprm.bench.LoadMix.Endpoint;

/**
 * What the simulated users measured: every latency by endpoint and way of signing in, and the errors — any
 * status other than 2xx, a connection that failed, no answer in time — with, per status, the first body seen.
 * Each user keeps its own tally, so recording takes no lock; they are added up once the run is over.
 */
final class LoadTally {

    static final int BODY_LIMIT = 200;

    private record Key(Endpoint endpoint, boolean basic) {
    }

    private static final class Cell {
        final List<Long> nanos = new ArrayList<>();
        long errors;
    }

    private record First(long at, String body) {
    }

    /** A row of the results. Percentiles in milliseconds, NaN when there is no request. */
    record Row(String name, int count, long errors, double perSecond, double p50, double p95, double p99) {
    }

    /** The errors of one status: "503", "timeout" or "connection failed". */
    record Errors(String status, long count, String firstBody) {
    }

    private final Map<Key, Cell> cells = new HashMap<>();
    private final Map<String, Long> errorsByStatus = new TreeMap<>();
    private final Map<String, First> firstBodies = new HashMap<>();

    /**
     * One answered request.
     *
     * @param error null for a 2xx answer, otherwise its status, "timeout" or "connection failed"
     * @param body  for an error, its body or what went wrong
     * @param at    {@link System#nanoTime()} of the answer, which decides which body came first
     */
    void answered(Endpoint endpoint, boolean basic, long nanos, String error, String body, long at) {
        Cell cell = cells.computeIfAbsent(new Key(endpoint, basic), k -> new Cell());
        cell.nanos.add(nanos);
        if (error != null) {
            cell.errors++;
            errorsByStatus.merge(error, 1L, Long::sum);
            first(error, new First(at, shorten(body)));
        }
    }

    /** {@code body} on one line, cut at {@value #BODY_LIMIT} characters. */
    static String shorten(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return text.length() > BODY_LIMIT ? text.substring(0, BODY_LIMIT) + "…" : text;
    }

    void add(LoadTally other) {
        other.cells.forEach((key, theirs) -> {
            Cell ours = cells.computeIfAbsent(key, k -> new Cell());
            ours.nanos.addAll(theirs.nanos);
            ours.errors += theirs.errors;
        });
        other.errorsByStatus.forEach((status, count) -> errorsByStatus.merge(status, count, Long::sum));
        other.firstBodies.forEach(this::first);
    }

    private void first(String status, First candidate) {
        firstBodies.merge(status, candidate, (a, b) -> b.at() - a.at() < 0 ? b : a);
    }

    /**
     * One row per endpoint that was asked, in the mix's order, then all requests, then all requests by way of
     * signing in; requests per second over {@code seconds}.
     */
    List<Row> rows(double seconds) {
        var rows = new ArrayList<Row>();
        for (Endpoint endpoint : Endpoint.values()) {
            Row row = row(endpoint.label, key -> key.endpoint() == endpoint, seconds);
            if (row.count() > 0) {
                rows.add(row);
            }
        }
        rows.add(row("all", key -> true, seconds));
        rows.add(row("all, HTTP Basic", Key::basic, seconds));
        rows.add(row("all, API token", key -> !key.basic(), seconds));
        return rows;
    }

    private Row row(String name, Predicate<Key> which, double seconds) {
        var nanos = new ArrayList<Long>();
        long errors = 0;
        for (var entry : cells.entrySet()) {
            if (which.test(entry.getKey())) {
                nanos.addAll(entry.getValue().nanos);
                errors += entry.getValue().errors;
            }
        }
        var latencies = new Latencies(nanos);
        return new Row(name, latencies.count(), errors, seconds > 0 ? latencies.count() / seconds : 0,
                latencies.millis(50), latencies.millis(95), latencies.millis(99));
    }

    /** Per status, in order of the status. */
    List<Errors> errors() {
        return errorsByStatus.entrySet().stream()
                .map(e -> new Errors(e.getKey(), e.getValue(), firstBodies.get(e.getKey()).body())).toList();
    }
}
