package org.liaisonprm.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.liaisonprm.physician.Specialty;

/**
 * NUCC taxonomy codes to a specialty name and a service line, from {@code importer/taxonomy.csv}: an
 * exact code first, then a family entry ({@code 207X*}, the first four characters). The specialties the
 * application already knows ({@link Specialty}) keep their names.
 */
final class Taxonomy {

    record Mapping(String specialty, String serviceLine) {
    }

    private static final Taxonomy INSTANCE = load();

    private final Map<String, Mapping> exact;
    private final Map<String, Mapping> families;

    private Taxonomy(Map<String, Mapping> exact, Map<String, Mapping> families) {
        this.exact = exact;
        this.families = families;
    }

    static Taxonomy instance() {
        return INSTANCE;
    }

    Optional<Mapping> of(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String key = code.strip().toUpperCase();
        Mapping mapping = exact.get(key);
        if (mapping == null && key.length() >= 4) {
            mapping = families.get(key.substring(0, 4));
        }
        return Optional.ofNullable(mapping);
    }

    private static Taxonomy load() {
        var exact = new HashMap<String, Mapping>();
        var families = new HashMap<String, Mapping>();
        var in = Taxonomy.class.getResourceAsStream("/importer/taxonomy.csv");
        if (in == null) {
            throw new IllegalStateException("importer/taxonomy.csv is missing from the class path");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", 3);
                if (cells.length < 3) {
                    continue;
                }
                var mapping = new Mapping(cells[1], cells[2]);
                if (cells[0].endsWith("*")) {
                    families.put(cells[0].substring(0, cells[0].length() - 1), mapping);
                } else {
                    exact.put(cells[0], mapping);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Specialty s : Specialty.values()) {
            exact.put(s.taxonomyCode(), new Mapping(s.label(), s.serviceLine().label()));
        }
        return new Taxonomy(exact, families);
    }
}
