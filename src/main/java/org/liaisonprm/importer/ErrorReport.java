package org.liaisonprm.importer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.liaisonprm.base.Csv;

/**
 * The refused rows of one import as CSV: {@code file,line,column,value,reason}, one line per refused row
 * (the first problem found in it). Text that a spreadsheet would evaluate ({@code = + - @}) is made safe
 * by {@link Csv}.
 */
final class ErrorReport implements Closeable {

    static final String HEADER = "file,line,column,value,reason";
    private static final int MAX_VALUE = 200;

    private final Path path;
    private BufferedWriter writer;
    private Csv csv;
    private long lines;

    ErrorReport(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    long lines() {
        return lines;
    }

    synchronized void add(String file, long line, String column, String value, String reason) {
        try {
            if (writer == null) {
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                csv = new Csv(writer);
                csv.row(Arrays.asList((Object[]) HEADER.split(",")));
            }
            String shown = value == null ? "" : value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value;
            csv.row(Arrays.asList(file, line, column, shown, reason));
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the error report " + path, e);
        }
    }

    /** Writes the header alone when no row was refused, so the report always exists after a run. */
    @Override
    public synchronized void close() {
        try {
            if (writer == null) {
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, HEADER + "\r\n", StandardCharsets.UTF_8);
                return;
            }
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the error report " + path, e);
        }
    }
}
