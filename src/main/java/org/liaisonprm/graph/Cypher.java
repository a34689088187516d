package org.liaisonprm.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One complete Cypher statement as it runs, read from {@code cypher/<name>.cypher} on the class path (the
 * project's {@code cypher/} folder): every statement the application runs can be opened and read there, and its
 * variable parts are {@code $parameters}. Loaded once, into a constant of the class that runs it, so a
 * missing file stops the application at start rather than at the first use.
 */
public final class Cypher {

    private final String name;
    private final String text;

    private Cypher(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * The statement in {@code cypher/<name>.cypher}, e.g. {@code load("outreach/follow-ups-due")}.
     *
     * @throws IllegalStateException when there is no such file
     */
    public static Cypher load(String name) {
        String path = "cypher/" + name + ".cypher";
        try (InputStream in = Cypher.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No Cypher statement " + path + " on the class path");
            }
            return new Cypher(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }

    /** A statement a person wrote (an analyst's query or saved report), which the sandbox has checked. */
    public static Cypher written(String text) {
        return new Cypher("written", text);
    }

    /** The name it was loaded by, e.g. {@code outreach/follow-ups-due}. */
    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return name;
    }
}
