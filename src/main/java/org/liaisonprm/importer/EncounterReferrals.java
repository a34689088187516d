package org.liaisonprm.importer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.liaisonprm.base.PayerType;
import org.liaisonprm.graph.Cypher;

/**
 * Derives referrals from encounters the way CMS derived shared-patient data: provider A refers to
 * provider B when a patient is seen by A and then by B (B ≠ A) within the window. Per source, target, month
 * of B's encounter and service line of B's encounter: {@code referrals} counts the (A-encounter,
 * B-encounter) pairs, {@code patients} the distinct patients, and the payer counts split the pairs by the
 * payer of B's encounter.
 * <p>
 * Two encounters of one patient at the same instant are a <em>same-day visit</em>, not a referral in either
 * direction: the order of rows in a file means nothing. For files that carry only a date ({@code encounters})
 * the instant is the day; Synthea's encounters carry their start time. Same-day visits are counted
 * ({@link Derived#sameDayVisits()}) and reported in the import's summary.
 * <p>
 * Memory does not grow with the file: encounters are gathered in chunks that are sorted by patient and time
 * and, beyond the first, written to temporary files; the chunks are then merged, one patient at a time. The
 * sums per referral key are held up to a limit in the same way, spilled sorted and added up while merging.
 * What stays in memory is bounded by the number of providers, not of encounters.
 */
final class EncounterReferrals implements AutoCloseable {

    /** Providers by node id (resolved before each batch), one relationship per sender, receiver, month and line. */
    private static final Cypher WRITE = Cypher.load("importer/encounter-referrals");

    /** Encounters sorted in memory before a chunk goes to disk (about 150 bytes each). */
    static final int CHUNK = 250_000;

    /** Referral sums held in memory before they go to disk (about 200 bytes each). */
    static final int SUMS = 250_000;

    /**
     * One encounter.
     *
     * @param instant     orders encounters of one day: the start time in milliseconds, or 0 when the file gives
     *                    only a date (then the whole day is one instant)
     * @param serviceLine the encounter's service line, or null for the provider's own
     */
    record Encounter(String patient, String provider, LocalDate date, long instant, PayerType payer, String serviceLine,
                     long line) {

        /** Same patient, provider, instant, payer and service line: the same encounter written twice. */
        boolean repeats(Encounter other) {
            return patient.equals(other.patient) && provider.equals(other.provider) && date.equals(other.date)
                    && instant == other.instant && payer == other.payer && Objects.equals(serviceLine, other.serviceLine);
        }

        boolean sameInstant(Encounter other) {
            return date.equals(other.date) && instant == other.instant;
        }
    }

    /** Patient, then time, then the rest, so that repeated encounters lie next to each other. */
    static final Comparator<Encounter> ORDER = Comparator.comparing(Encounter::patient)
            .thenComparing(Encounter::date).thenComparingLong(Encounter::instant).thenComparing(Encounter::provider)
            .thenComparing(Encounter::payer)
            .thenComparing(Encounter::serviceLine, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Encounter::line);

    /** One derived referral relationship. */
    record Referral(String from, String to, LocalDate periodStart, String serviceLine, long referrals, long patients,
                    long commercial, long medicare, long medicaid, long selfPay) {

        Map<String, Object> values() {
            var values = new LinkedHashMap<String, Object>();
            values.put("referrals", referrals);
            values.put("patients", patients);
            values.put("commercial", commercial);
            values.put("medicare", medicare);
            values.put("medicaid", medicaid);
            values.put("selfPay", selfPay);
            return values;
        }
    }

    /** What a derivation found besides the referrals it handed on. */
    record Derived(long referrals, long sameDayVisits, long repeats) {
    }

    private final boolean refuseRepeats;
    private final int chunkSize;
    private final int sumsLimit;
    private final Set<String> providers = new HashSet<>();
    private final List<Path> encounterRuns = new ArrayList<>();
    private List<Encounter> chunk = new ArrayList<>();
    private Path spillDirectory;
    private long count;

    /**
     * @param refuseRepeats whether an encounter repeating another (same patient, provider, instant, payer and
     *                      service line) is refused; Synthea's encounters carry ids of their own instead
     */
    EncounterReferrals(boolean refuseRepeats) {
        this(refuseRepeats, CHUNK, SUMS);
    }

    /** With chunk and sum limits of its own: tests use a few, to see the merge at work. */
    EncounterReferrals(boolean refuseRepeats, int chunkSize, int sumsLimit) {
        this.refuseRepeats = refuseRepeats;
        this.chunkSize = chunkSize;
        this.sumsLimit = sumsLimit;
    }

    void add(Encounter encounter) {
        chunk.add(encounter);
        providers.add(encounter.provider());
        count++;
        if (chunk.size() >= chunkSize) {
            chunk.sort(ORDER);
            encounterRuns.add(spill("encounters", chunk, EncounterReferrals::writeEncounter));
            chunk = new ArrayList<>();
        }
    }

    long size() {
        return count;
    }

    /** Sorted chunks written to disk so far. */
    int chunksOnDisk() {
        return encounterRuns.size();
    }

    /** Every provider seen. */
    Set<String> providers() {
        return providers;
    }

    /**
     * Derives the referrals, patient by patient, handing each one to {@code out}.
     *
     * @param lineOf   the receiving provider's service line, for encounters that name none
     * @param admitted false for an encounter to leave out (the caller refuses it)
     * @param repeated told of each encounter that repeats another, when repeats are refused
     */
    Derived derive(int windowDays, Map<String, String> lineOf, String unassigned, Predicate<Encounter> admitted,
                   Consumer<Encounter> repeated, Consumer<Referral> out) {
        chunk.sort(ORDER);
        var sums = new Sums(unassigned, lineOf);
        long sameDay = 0;
        long repeats = 0;
        try (var merged = new Merge<>(runsWithChunk(), ORDER)) {
            var group = new ArrayList<Encounter>();
            Encounter previous = null;
            while (merged.hasNext()) {
                Encounter e = merged.next();
                if (previous != null && !previous.patient().equals(e.patient())) {
                    sameDay += sums.patient(group, windowDays);
                    group.clear();
                }
                if (refuseRepeats && previous != null && e.repeats(previous)) {
                    repeats++;
                    repeated.accept(e);
                    continue;
                }
                previous = e;
                if (admitted.test(e)) {
                    group.add(e);
                }
            }
            sameDay += sums.patient(group, windowDays);
        }
        chunk = new ArrayList<>();
        long written = sums.emit(out);
        return new Derived(written, sameDay, repeats);
    }

    private List<Iterator<Encounter>> runsWithChunk() {
        var sources = new ArrayList<Iterator<Encounter>>();
        for (Path run : encounterRuns) {
            sources.add(new RunReader<>(run, EncounterReferrals::readEncounter));
        }
        sources.add(chunk.iterator());
        return sources;
    }

    /** The referral sums, in memory up to {@link #sumsLimit} keys, then in sorted runs on disk. */
    private final class Sums {
        private final String unassigned;
        private final Map<String, String> lineOf;
        private final List<Path> runs = new ArrayList<>();
        private Map<Key, long[]> held = new HashMap<>();

        Sums(String unassigned, Map<String, String> lineOf) {
            this.unassigned = unassigned;
            this.lineOf = lineOf;
        }

        /** Adds one patient's pairs (encounters in time order); returns the same-instant pairs met. */
        long patient(List<Encounter> encounters, int windowDays) {
            long sameDay = 0;
            var seen = new HashSet<Key>();
            for (int j = 1; j < encounters.size(); j++) {
                Encounter b = encounters.get(j);
                String line = b.serviceLine() != null ? b.serviceLine() : lineOf.getOrDefault(b.provider(), unassigned);
                LocalDate month = b.date().withDayOfMonth(1);
                for (int i = j - 1; i >= 0; i--) {
                    Encounter a = encounters.get(i);
                    if (b.date().toEpochDay() - a.date().toEpochDay() > windowDays) {
                        break;
                    }
                    if (a.provider().equals(b.provider())) {
                        continue;
                    }
                    if (a.sameInstant(b)) {
                        sameDay++;
                        continue;
                    }
                    var key = new Key(a.provider(), b.provider(), month, line);
                    long[] s = held.computeIfAbsent(key, k -> new long[2 + PayerType.values().length]);
                    s[0]++;
                    s[2 + b.payer().ordinal()]++;
                    if (seen.add(key)) {
                        s[1]++;
                    }
                }
            }
            if (held.size() > sumsLimit) {
                spillHeld();
            }
            return sameDay;
        }

        private void spillHeld() {
            var sorted = new ArrayList<Map.Entry<Key, long[]>>(held.entrySet());
            sorted.sort(Map.Entry.comparingByKey(Key.ORDER));
            runs.add(spill("sums", sorted, EncounterReferrals::writeSum));
            held = new HashMap<>();
        }

        /** Hands every referral on, adding up the sums a key has in several runs; returns how many. */
        long emit(Consumer<Referral> out) {
            long emitted = 0;
            if (runs.isEmpty()) {
                for (var entry : held.entrySet()) {
                    out.accept(referral(entry.getKey(), entry.getValue()));
                    emitted++;
                }
                held = new HashMap<>();
                return emitted;
            }
            spillHeld();
            var sources = new ArrayList<Iterator<Map.Entry<Key, long[]>>>();
            for (Path run : runs) {
                sources.add(new RunReader<>(run, EncounterReferrals::readSum));
            }
            try (var merged = new Merge<>(sources, Map.Entry.comparingByKey(Key.ORDER))) {
                Key key = null;
                long[] total = null;
                while (merged.hasNext()) {
                    var entry = merged.next();
                    if (key != null && key.equals(entry.getKey())) {
                        for (int i = 0; i < total.length; i++) {
                            total[i] += entry.getValue()[i];
                        }
                        continue;
                    }
                    if (key != null) {
                        out.accept(referral(key, total));
                        emitted++;
                    }
                    key = entry.getKey();
                    total = entry.getValue().clone();
                }
                if (key != null) {
                    out.accept(referral(key, total));
                    emitted++;
                }
            }
            return emitted;
        }

        private static Referral referral(Key k, long[] s) {
            return new Referral(k.from(), k.to(), k.month(), k.line(), s[0], s[1],
                    s[2 + PayerType.COMMERCIAL.ordinal()], s[2 + PayerType.MEDICARE.ordinal()],
                    s[2 + PayerType.MEDICAID.ordinal()], s[2 + PayerType.SELF_PAY.ordinal()]);
        }
    }

    /** What referrals are summed by. */
    private record Key(String from, String to, LocalDate month, String line) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::from).thenComparing(Key::to)
                .thenComparing(Key::month).thenComparing(Key::line);
    }

    /** Removes the temporary files, also when the derivation failed. */
    @Override
    public void close() {
        if (spillDirectory == null) {
            return;
        }
        try (var paths = Files.walk(spillDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the directory is under the system's temporary directory, which the system cleans up
        }
        spillDirectory = null;
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T item) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private <T> Path spill(String kind, List<T> items, Writer<T> writer) {
        try {
            if (spillDirectory == null) {
                spillDirectory = Files.createTempDirectory("liaison-encounters");
            }
            Path file = Files.createTempFile(spillDirectory, kind, ".bin");
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                out.writeInt(items.size());
                for (T item : items) {
                    writer.write(out, item);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a temporary file while sorting encounters: " + e.getMessage(), e);
        }
    }

    private static void writeEncounter(DataOutputStream out, Encounter e) throws IOException {
        out.writeUTF(e.patient());
        out.writeUTF(e.provider());
        out.writeLong(e.date().toEpochDay());
        out.writeLong(e.instant());
        out.writeByte(e.payer().ordinal());
        out.writeBoolean(e.serviceLine() != null);
        if (e.serviceLine() != null) {
            out.writeUTF(e.serviceLine());
        }
        out.writeLong(e.line());
    }

    private static Encounter readEncounter(DataInputStream in) throws IOException {
        String patient = in.readUTF();
        String provider = in.readUTF();
        LocalDate date = LocalDate.ofEpochDay(in.readLong());
        long instant = in.readLong();
        PayerType payer = PayerType.values()[in.readByte()];
        String line = in.readBoolean() ? in.readUTF() : null;
        return new Encounter(patient, provider, date, instant, payer, line, in.readLong());
    }

    private static void writeSum(DataOutputStream out, Map.Entry<Key, long[]> entry) throws IOException {
        Key k = entry.getKey();
        out.writeUTF(k.from());
        out.writeUTF(k.to());
        out.writeLong(k.month().toEpochDay());
        out.writeUTF(k.line());
        for (long n : entry.getValue()) {
            out.writeLong(n);
        }
    }

    private static Map.Entry<Key, long[]> readSum(DataInputStream in) throws IOException {
        var key = new Key(in.readUTF(), in.readUTF(), LocalDate.ofEpochDay(in.readLong()), in.readUTF());
        long[] sums = new long[2 + PayerType.values().length];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = in.readLong();
        }
        return Map.entry(key, sums);
    }

    /** Reads back one sorted run, deleting its file at the end. */
    private static final class RunReader<T> implements Iterator<T>, AutoCloseable {
        private final Path file;
        private final Reader<T> reader;
        private final DataInputStream in;
        private int left;

        RunReader(Path file, Reader<T> reader) {
            this.file = file;
            this.reader = reader;
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                left = in.readInt();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read back a temporary file of sorted encounters", e);
            }
        }

        @Override
        public boolean hasNext() {
            return left > 0;
        }

        @Override
        public T next() {
            if (left <= 0) {
                throw new NoSuchElementException();
            }
            try {
                T item = reader.read(in);
                if (--left == 0) {
                    close();
                }
                return item;
            } catch (EOFException e) {
                throw new UncheckedIOException("A temporary file of sorted encounters ended early", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // removed with the spill directory
            }
        }
    }

    /** A k-way merge of sorted sources. */
    private static final class Merge<T> implements Iterator<T>, AutoCloseable {
        private record Head<T>(T item, Iterator<T> source) {
        }

        private final PriorityQueue<Head<T>> heads;
        private final List<Iterator<T>> sources;

        Merge(List<Iterator<T>> sources, Comparator<T> order) {
            this.sources = sources;
            this.heads = new PriorityQueue<>(Math.max(1, sources.size()), (x, y) -> order.compare(x.item(), y.item()));
            for (var source : sources) {
                if (source.hasNext()) {
                    heads.add(new Head<>(source.next(), source));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public T next() {
            Head<T> head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            if (head.source().hasNext()) {
                heads.add(new Head<>(head.source().next(), head.source()));
            }
            return head.item();
        }

        @Override
        public void close() {
            for (var source : sources) {
                if (source instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        // removed with the spill directory
                    }
                }
            }
        }
    }

    /** A payer type as health systems and Synthea write it. */
    static PayerType payer(String text) {
        if (text == null || text.isBlank()) {
            return PayerType.OTHER;
        }
        String t = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        if (t.contains("medicare") || t.contains("dualeligible")) {
            return PayerType.MEDICARE;
        }
        if (t.contains("medicaid")) {
            return PayerType.MEDICAID;
        }
        if (t.contains("self") || t.contains("noinsurance") || t.contains("uninsured")) {
            return PayerType.SELF_PAY;
        }
        if (t.equals("other") || t.equals("unknown")) {
            return PayerType.OTHER;
        }
        return PayerType.COMMERCIAL;
    }

    /**
     * Writes derived referrals in batches as they come: each batch's providers are found or created first
     * ({@link ProviderNodes}), then one relationship per key is written between their nodes.
     */
    static final class Writes implements Consumer<Referral> {
        private final ImportJob job;
        private final String source;
        private final Map<String, String> npiOf;
        private final Predicate<Referral> kept;
        private final ProviderNodes nodes;
        private List<Map<String, Object>> batch = new ArrayList<>();

        /**
         * @param npiOf the NPI of each provider that has one
         * @param kept  false for a referral left out on purpose (counted as skipped)
         */
        Writes(ImportJob job, String source, Map<String, String> npiOf, Predicate<Referral> kept) {
            this.job = job;
            this.source = source;
            this.npiOf = npiOf;
            this.kept = kept;
            this.nodes = new ProviderNodes(job, source);
        }

        @Override
        public void accept(Referral r) {
            if (!kept.test(r)) {
                job.skipped();
                return;
            }
            var row = new HashMap<String, Object>();
            row.put("from", r.from());
            row.put("to", r.to());
            row.put("fromNpi", npiOf.get(r.from()));
            row.put("toNpi", npiOf.get(r.to()));
            row.put("periodStart", r.periodStart());
            row.put("serviceLine", r.serviceLine());
            row.put("values", r.values());
            batch.add(row);
            if (batch.size() >= job.batch()) {
                flush();
            }
        }

        void finish() {
            flush();
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            var rows = batch;
            batch = new ArrayList<>();
            job.inBatch(() -> {
                nodes.resolve(rows, npiOf);
                job.write(WRITE, rows, BatchWriter.Kind.RELATIONSHIPS, Map.of("source", source), "");
            });
        }
    }
}
