package org.liaisonprm.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file row by row in constant memory: RFC 4180 quoting with commas, quotes and line breaks inside
 * fields, CRLF, LF or CR line ends, a UTF-8 byte order mark, blank lines skipped, a trailing comma ignored.
 * <p>
 * It reads bytes, not characters: a row is found by one pass over its bytes (the line end outside quotes), and
 * its fields are split and decoded only when asked for. A loader that decides on one field (NPPES rows outside
 * {@code --state}, referral rows naming no known provider) never decodes the other 329; reading goes at the
 * speed of the disk.
 * <p>
 * Each row carries the <em>physical</em> line it starts on (the header is line 1), so that a refused row
 * can be found in the file even when earlier fields span several lines.
 */
final class CsvRows implements Closeable {

    /**
     * One record: the line it starts on and its bytes in the reader's buffer, split into fields and decoded only
     * as far as asked for. It is valid until the next row is read: loaders take what they need from a row
     * before reading on.
     */
    static final class Row {
        private final long line;
        private final byte[] bytes;
        private final int to;
        private final CsvRows owner;
        /** Start and end of each field found so far, quotes included: the reader's, shared by its rows in turn. */
        private int[] bounds;
        private int fields;
        private int scan;
        private boolean split;
        private String[] values;

        Row(long line, byte[] bytes, int from, int to, CsvRows owner) {
            this.line = line;
            this.bytes = bytes;
            this.scan = from;
            this.to = to;
            this.owner = owner;
            this.bounds = owner.bounds;
        }

        long line() {
            return line;
        }

        /** The field at {@code column}; empty when the row has no such field. */
        String get(int column) {
            if (column < 0) {
                return "";
            }
            if (values != null) {
                return column < values.length ? values[column] : "";
            }
            while (fields <= column && !split) {
                splitNext();
            }
            return column < fields ? decode(bounds[2 * column], bounds[2 * column + 1]) : "";
        }

        /** Every field, decoded. */
        String[] values() {
            if (values == null) {
                while (!split) {
                    splitNext();
                }
                var all = new String[fields];
                for (int i = 0; i < fields; i++) {
                    all[i] = decode(bounds[2 * i], bounds[2 * i + 1]);
                }
                values = all;
            }
            return values;
        }

        /** Finds the next field: up to a comma outside quotes (a comma ending the row opens no field). */
        private void splitNext() {
            int start = scan;
            boolean quoted = false;
            int i = start;
            while (i < to) {
                byte c = bytes[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    break;
                }
                i++;
            }
            if (2 * fields + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
                owner.bounds = bounds; // the next row starts with room for as many fields
            }
            bounds[2 * fields] = start;
            bounds[2 * fields + 1] = i;
            fields++;
            scan = i + 1;
            split = scan >= to;
        }

        /** A field's text: without its quotes, a doubled quote read as one. */
        private String decode(int from, int end) {
            if (from >= end) {
                return "";
            }
            if (bytes[from] != '"') {
                return new String(bytes, from, end - from, StandardCharsets.UTF_8);
            }
            if (bytes[end - 1] == '"' && end - from >= 2 && indexOfQuote(from + 1, end - 1) < 0) {
                return new String(bytes, from + 1, end - from - 2, StandardCharsets.UTF_8);
            }
            var out = new byte[end - from];
            int n = 0;
            boolean inside = false;
            for (int i = from; i < end; i++) {
                byte c = bytes[i];
                if (c == '"') {
                    if (inside && i + 1 < end && bytes[i + 1] == '"') {
                        out[n++] = '"';
                        i++;
                    } else {
                        inside = !inside;
                    }
                } else {
                    out[n++] = c;
                }
            }
            return new String(out, 0, n, StandardCharsets.UTF_8);
        }

        private int indexOfQuote(int from, int end) {
            for (int i = from; i < end; i++) {
                if (bytes[i] == '"') {
                    return i;
                }
            }
            return -1;
        }

        /** Whether every field is empty or white space. */
        boolean blank() {
            for (int i = scan; i < to; i++) {
                byte c = bytes[i];
                if (c != ',' && c != '"' && c != ' ' && c != '\t') {
                    return false;
                }
            }
            for (String value : values()) {
                if (!value.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final int SNIFF = 4096;

    /** Eight bytes of the buffer read as one number, to look for quotes and line ends a word at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTE = 0x2222222222222222L;
    private static final long LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long CR = 0x0D0D0D0D0D0D0D0DL;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

    /** The high bit of each byte of {@code x} that is zero, and no other bit. */
    private static long zeroBytes(long x) {
        return ~(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS);
    }
    private static final int BUFFER = 1 << 20;

    /**
     * The longest row read: far beyond any real one (an NPPES row is a few kilobytes), short of what a quote
     * never closed in a file of gigabytes would make the reader hold.
     */
    static final int MAX_ROW = 16 << 20;

    private final InputStream in;
    private final long size;
    private final List<String> firstRow;
    private byte[] buffer;
    private int position;
    private int limit;
    private long consumed;
    private long line = 1;
    private boolean ended;
    private Row pending;
    /** Where the current row's fields start and end (see {@link Row}): grown once to the widest row, not per row. */
    private int[] bounds = new int[64];

    private CsvRows(InputStream in, long size, int bufferSize, long skipped) {
        this.in = in;
        this.size = size;
        this.buffer = new byte[bufferSize];
        this.consumed = skipped;
        Row first = read();
        this.firstRow = first == null ? null : List.of(first.values());
        this.pending = first;
    }

    /**
     * Opens a file.
     *
     * @throws ImportRefusedException when it cannot be read or is not text
     */
    static CsvRows open(Path file) {
        return open(file, BUFFER);
    }

    /** With a buffer of its own size: tests use a few bytes, to see rows and characters cross refills. */
    static CsvRows open(Path file, int bufferSize) {
        try {
            long size = Files.size(file);
            InputStream in = Files.newInputStream(file);
            byte[] head;
            try (InputStream sniff = Files.newInputStream(file)) {
                head = sniff.readNBytes(SNIFF);
            }
            for (byte b : head) {
                if (b == 0) {
                    in.close();
                    throw new ImportRefusedException(file.getFileName() + " is not a CSV text file (it holds binary data)");
                }
            }
            long skipped = 0;
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                in.skipNBytes(3);
                skipped = 3;
            }
            return new CsvRows(in, size, Math.max(16, bufferSize), skipped);
        } catch (ImportRefusedException e) {
            throw e;
        } catch (IOException e) {
            throw new ImportRefusedException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ImportRefusedException("Cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    /** The first row (the header of most formats), or null for an empty file. */
    List<String> firstRow() {
        return firstRow;
    }

    /** Skips the first row, for files whose first row is a header. */
    void skipHeader() {
        if (pending != null && pending.line() == 1) {
            pending = null;
        }
    }

    /** The next row, or null at the end of the file. */
    Row next() {
        if (pending != null) {
            Row row = pending;
            pending = null;
            return row;
        }
        return read();
    }

    /** How far through the file reading is, between 0 and 1. */
    double fraction() {
        return size <= 0 ? 1 : Math.min(1, (double) (consumed - (limit - position)) / size);
    }

    /**
     * The next row that is not blank: its bytes up to the first line end outside quotes (a doubled quote turns
     * quoting off and on again, so it needs no case of its own).
     *
     * @throws ImportRefusedException when a quoted field is never closed
     */
    private Row read() {
        while (true) {
            if (position >= limit && !fill(position)) {
                return null;
            }
            int start = position;
            int p = start;
            boolean quoted = false;
            long breaks = 0;
            while (true) {
                if (p >= limit) {
                    int offset = p - start;
                    if (!fill(start)) {
                        if (quoted) {
                            throw new ImportRefusedException("Line " + line + " opens a quoted field that is never closed: "
                                    + "the rows before it were read, nothing after it");
                        }
                        start = position;
                        p = limit;
                        break;
                    }
                    start = position;
                    p = start + offset;
                    continue;
                }
                if (p + 8 <= limit) {
                    // eight bytes at once while they hold no line end: only the parity of their quotes matters
                    long word = (long) LONGS.get(buffer, p);
                    if (zeroBytes(word ^ LF) == 0 && zeroBytes(word ^ CR) == 0) {
                        quoted ^= (Long.bitCount(zeroBytes(word ^ QUOTE)) & 1) != 0;
                        p += 8;
                        continue;
                    }
                }
                byte c = buffer[p];
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n' || c == '\r') {
                    if (!quoted) {
                        break;
                    }
                    if (c == '\n' || p + 1 >= limit || buffer[p + 1] != '\n') {
                        breaks++;
                    }
                }
                p++;
            }
            int end = p;
            // the line end: CRLF, LF or CR
            if (p < limit && buffer[p] == '\r') {
                if (p + 1 >= limit) {
                    // the LF that may follow is not read yet: keep the row, read on (fill moves the row to the start)
                    int endOffset = end - start;
                    fill(start);
                    start = position;
                    end = start + endOffset;
                    p = end;
                }
                p++;
                if (p < limit && buffer[p] == '\n') {
                    p++;
                }
            } else if (p < limit && buffer[p] == '\n') {
                p++;
            }
            long at = line;
            line += 1 + breaks;
            position = p;
            int length = end - start;
            // a comma ending the row opens no field (a trailing comma); it cannot be inside quotes, which are
            // closed at the row's end
            if (length > 0 && buffer[start + length - 1] == ',') {
                length--;
            }
            if (length == 0) {
                continue;
            }
            var row = new Row(at, buffer, start, start + length, this);
            if (!row.blank()) {
                return row;
            }
        }
    }

    /**
     * Reads more of the file, keeping the bytes from {@code keepFrom} on (the row being read) at the start of
     * the buffer, which grows when a single row fills it. Sets {@link #position} to where the kept bytes now
     * start; returns false at the end of the file.
     */
    private boolean fill(int keepFrom) {
        if (ended) {
            return false;
        }
        int kept = limit - keepFrom;
        if (kept >= MAX_ROW) {
            throw new ImportRefusedException("Line " + line + " is longer than " + (MAX_ROW >> 20) + " MB: a quote never "
                    + "closed, or not a CSV file; the rows before it were read, nothing after it");
        }
        if (kept >= buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        System.arraycopy(buffer, keepFrom, buffer, 0, kept);
        position = 0;
        limit = kept;
        try {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n <= 0) {
                ended = true;
                return false;
            }
            limit += n;
            consumed += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Positions of columns by header name; {@code -1} for an absent column. */
    static final class Header {
        private final List<String> names;

        Header(List<String> names) {
            this.names = names.stream().map(String::strip).toList();
        }

        int index(String name) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        boolean has(String name) {
            return index(name) >= 0;
        }

        /** The required columns this header lacks. */
        List<String> missing(String... required) {
            return Arrays.stream(required).filter(name -> !has(name)).toList();
        }
    }
}
