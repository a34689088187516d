package org.liaisonprm.importer;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a CSV file row by row in constant memory (Jackson's streaming CSV parser): RFC 4180 quoting with
 * commas, quotes and line breaks inside fields, CRLF or LF line ends, a UTF-8 byte order mark.
 * <p>
 * Each row carries the <em>physical</em> line it starts on (the header is line 1), so that a refused row
 * can be found in the file even when earlier fields span several lines.
 */
final class CsvRows implements Closeable {

    /** One record: the line it starts on and its fields (never null; missing trailing fields are empty). */
    record Row(long line, String[] values) {

        String get(int column) {
            return column >= 0 && column < values.length ? values[column] : "";
        }
    }

    private static final int SNIFF = 4096;

    private final CountingStream bytes;
    private final CsvParser parser;
    private final long size;
    private final List<String> firstRow;
    private Row pending;

    private CsvRows(CountingStream bytes, CsvParser parser, long size) throws IOException {
        this.bytes = bytes;
        this.parser = parser;
        this.size = size;
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
        try {
            long size = Files.size(file);
            var in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            for (byte b : head) {
                if (b == 0) {
                    in.close();
                    throw new ImportRefusedException(file.getFileName() + " is not a CSV text file (it holds binary data)");
                }
            }
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                in.skipNBytes(3);
            }
            var counting = new CountingStream(in);
            var factory = CsvFactory.builder().build();
            CsvParser parser = factory.createParser(new InputStreamReader(counting, StandardCharsets.UTF_8));
            parser.setSchema(CsvSchema.emptySchema().withoutHeader());
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            parser.enable(CsvParser.Feature.ALLOW_TRAILING_COMMA);
            return new CsvRows(counting, parser, size);
        } catch (ImportRefusedException e) {
            throw e;
        } catch (IOException e) {
            throw new ImportRefusedException("Cannot read " + file + ": " + e.getMessage(), e);
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
        try {
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far through the file reading is, between 0 and 1. */
    double fraction() {
        return size <= 0 ? 1 : Math.min(1, (double) bytes.count / size);
    }

    /**
     * With {@code WRAP_AS_ARRAY} the file is an array of row arrays. A row's line is that of its first
     * value (the row's own start token reports the end of the row before). Blank lines are skipped.
     */
    private Row read() throws IOException {
        while (true) {
            JsonToken token = parser.nextToken();
            while (token != null && token != JsonToken.START_ARRAY) {
                token = parser.nextToken();
            }
            if (token == null) {
                return null;
            }
            long line = -1;
            boolean blank = true;
            var values = new ArrayList<String>(16);
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (token == JsonToken.START_ARRAY) {
                    continue; // the outer array's first token is followed by the first row's
                }
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                String value = parser.getText();
                blank &= value.isBlank();
                values.add(value);
            }
            if (!blank) {
                return new Row(line, values.toArray(String[]::new));
            }
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
            bytes.close();
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

    /** Counts the bytes read, for progress through files of many gigabytes. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
