package org.liaisonprm.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small NPPES files with the registry's own header (all its columns), written for a test. */
final class NppesFiles {

    private NppesFiles() {
    }

    /** An individual (entity type 1) practising in {@code state}. */
    static Map<String, String> individual(String npi, String last, String first, String state) {
        return Map.of(NppesLoader.NPI, npi, NppesLoader.ENTITY, "1", NppesLoader.LAST, last, NppesLoader.FIRST, first,
                NppesLoader.STATE, state, "Healthcare Provider Taxonomy Code_1", "207RC0000X",
                "Healthcare Provider Primary Taxonomy Switch_1", "Y");
    }

    /** An organisation (entity type 2) in {@code state}. */
    static Map<String, String> organisation(String npi, String name, String state) {
        return Map.of(NppesLoader.NPI, npi, NppesLoader.ENTITY, "2", NppesLoader.ORGANIZATION, name,
                NppesLoader.STATE, state);
    }

    /** Writes the rows under the header of the NPPES sample, every field quoted as the registry does. */
    static Path write(Path dir, String name, List<Map<String, String>> rows) {
        try {
            String headerLine = Files.readAllLines(Imports.sample("nppes.csv"), StandardCharsets.UTF_8).get(0);
            List<String> header = Arrays.stream(headerLine.split(",")).map(h -> h.replace("\"", "")).toList();
            var lines = new ArrayList<String>();
            lines.add(headerLine);
            for (var row : rows) {
                var fields = new ArrayList<String>();
                for (String column : header) {
                    fields.add("\"" + row.getOrDefault(column, "") + "\"");
                }
                lines.add(String.join(",", fields));
            }
            Path file = dir.resolve(name);
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
