package org.liaisonprm.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Java holds no Cypher: every statement the application runs is a {@code cypher/<name>.cypher} file loaded
 * with {@link Cypher#load}, complete as it runs. This reads every source file under {@code src/main/java} and
 * names the file and line of any string literal or text block that reads like a Cypher statement (or a
 * fragment of one), of any {@code .formatted(...)} or {@code String.format(...)} applied to one, and of any
 * {@code Cypher.load} name without its file.
 * <p>
 * A literal reads like Cypher when, at its start or at the start of one of its lines, a clause keyword in
 * capitals is followed by Cypher syntax ({@code MATCH (}, {@code RETURN x}, {@code SET n.p =},
 * {@code UNWIND $rows AS}…). A keyword alone, in a sentence or in lower case ("Merge", an error message that
 * names {@code CALL { … } IN TRANSACTIONS}, a list of clause names) is not Cypher.
 */
class CypherInJavaTests {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CYPHER = Path.of("cypher");

    private static final Pattern CLAUSE = Pattern.compile(String.join("|",
            "(OPTIONAL\\s+)?MATCH\\s*\\(",
            "MERGE\\s*\\(",
            "CREATE\\s*\\(",
            "CREATE\\s+(OR\\s+REPLACE\\s+)?(INDEX|CONSTRAINT|FULLTEXT\\s+INDEX|RANGE\\s+INDEX|DATABASE|USER)\\b",
            "(DROP|SHOW)\\s+(INDEX|CONSTRAINT|INDEXES|CONSTRAINTS|PROCEDURES|FUNCTIONS|DATABASES?|USERS?)\\b",
            "ALTER\\s+(USER|DATABASE)\\s",
            "UNWIND\\s+[$\\w\\[].*\\sAS\\s+\\w",
            "CALL\\s+[a-z]\\w*(\\.\\w+)+\\s*\\(",
            "CALL\\s*\\{\\s*($|(OPTIONAL\\s+)?MATCH\\b|WITH\\b|UNWIND\\b|RETURN\\b|MERGE\\b|CREATE\\b)",
            "RETURN\\s+(DISTINCT\\s+)?([$\\w]+(\\.\\w+|\\(.*\\))?(\\s+AS\\s+\\w+)?\\s*(,|$|ORDER\\b|LIMIT\\b|SKIP\\b)"
                    + "|\\*|count\\s*\\()",
            "SET\\s+\\w+(\\.\\w+\\s*=|\\s*\\+?=|:\\w+)",
            "(DETACH\\s+)?DELETE\\s+\\w+\\s*($|,|RETURN\\b|WITH\\b)",
            "REMOVE\\s+\\w+[.:]\\w+",
            "WITH\\s+\\w+(\\s*,\\s*\\w+)*\\s*($|LIMIT\\b|ORDER\\b|WHERE\\b|MATCH\\b)",
            "WHERE\\s+(NOT\\s+)?(\\w+[.:]\\w+|\\$\\w+\\s+IS|EXISTS\\s*\\{|\\(\\w*[:)])",
            "(ORDER\\s+BY\\s+\\w+(\\.\\w+)?\\s*(DESC|ASC)?\\s*($|,|LIMIT\\b|SKIP\\b))",
            "(SKIP|LIMIT)\\s+\\$\\w+"));

    /** At a literal's start, or a line's start: then a clause. */
    private static final Pattern CYPHER_LINE = Pattern.compile("(?m)^\\s*(" + CLAUSE.pattern() + ")");

    private static final Pattern LOAD = Pattern.compile("Cypher\\.load\\(\\s*\"([^\"]+)\"\\s*\\)");

    @Test
    void noJavaSourceHoldsCypher() {
        var found = new ArrayList<String>();
        for (Path file : javaFiles()) {
            String source = read(file);
            for (Literal literal : literals(source)) {
                if (looksLikeCypher(literal.text())) {
                    found.add(SOURCES.relativize(file) + ":" + literal.line() + ": Cypher in a "
                            + (literal.textBlock() ? "text block" : "string literal") + formatting(source, literal)
                            + ": " + firstLine(literal.text()));
                }
            }
        }
        assertThat(found).as("Cypher written in Java; move each statement into a cypher/<package>/*.cypher file")
                .isEmpty();
    }

    @Test
    void everyLoadedStatementHasItsFile() {
        var missing = new ArrayList<String>();
        for (Path file : javaFiles()) {
            String source = read(file);
            Matcher load = LOAD.matcher(source);
            while (load.find()) {
                if (!Files.isRegularFile(CYPHER.resolve(load.group(1) + ".cypher"))) {
                    missing.add(SOURCES.relativize(file) + ":" + lineOf(source, load.start()) + ": no file cypher/"
                            + load.group(1) + ".cypher");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theDetectorFindsStatementsAndFragments() {
        assertThat(looksLikeCypher("MATCH (n) RETURN n")).isTrue();
        assertThat(looksLikeCypher("OPTIONAL MATCH (p)-[:REFERRED]->(t)")).isTrue();
        assertThat(looksLikeCypher("  MERGE (u:User {username: $username})\n  SET u.enabled = true\n")).isTrue();
        assertThat(looksLikeCypher("UNWIND $rows AS row CREATE (n:%s) SET n = row")).isTrue();
        assertThat(looksLikeCypher("CALL db.index.fulltext.queryNodes('providerSearch', $query) YIELD node")).isTrue();
        assertThat(looksLikeCypher("CREATE INDEX x IF NOT EXISTS FOR (n:Physician) ON (n.zip)")).isTrue();
        assertThat(looksLikeCypher("WHERE p.network = 'IN'")).isTrue();
        assertThat(looksLikeCypher("RETURN p.id AS id, p.name AS name")).isTrue();
        assertThat(looksLikeCypher("MATCH (n:AuditEvent) WITH n LIMIT 10000 DETACH DELETE n")).isTrue();
        assertThat(looksLikeCypher("SHOW PROCEDURES YIELD name")).isTrue();
    }

    @Test
    void theDetectorLeavesWordsAndMessagesAlone() {
        assertThat(looksLikeCypher("Merge the practices")).isFalse();
        assertThat(looksLikeCypher("Could not match the physician")).isFalse();
        assertThat(looksLikeCypher("Network membership recomputed in {} ms")).isFalse();
        assertThat(looksLikeCypher("CALL { … } IN TRANSACTIONS is not allowed: a query runs in one transaction"))
                .isFalse();
        assertThat(looksLikeCypher("only reading clauses are allowed (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN)"))
                .isFalse();
        assertThat(looksLikeCypher("use the id instead: MATCH (p:Physician) WHERE id(p) = nodeId")).isFalse();
        assertThat(looksLikeCypher("Return to the list")).isFalse();
        assertThat(looksLikeCypher("CREATE")).isFalse();
        assertThat(looksLikeCypher("SET")).isFalse();
        assertThat(looksLikeCypher("DELETE")).isFalse();
        assertThat(looksLikeCypher("apoc.create.node")).isFalse();
        assertThat(looksLikeCypher("gds.graph.project")).isFalse();
    }

    @Test
    void theLexerFindsLiteralsTextBlocksAndFormatting() {
        String source = """
                class A {
                    // "MATCH (n) RETURN n" in a comment is not code
                    String a = "MATCH (n) RETURN n";
                    String b = \"""
                            MATCH (n:%s)
                            RETURN n
                            \""".formatted(label);
                    char c = '"';
                    String d = String.format("MATCH (n) WHERE n.id = '%s' RETURN n", id);
                }
                """;
        List<Literal> literals = literals(source);
        assertThat(literals).extracting(Literal::line).containsExactly(3, 4, 9);
        assertThat(literals).allMatch(literal -> looksLikeCypher(literal.text()));
        assertThat(formatting(source, literals.get(0))).isEmpty();
        assertThat(formatting(source, literals.get(1))).contains(".formatted");
        assertThat(formatting(source, literals.get(2))).contains("String.format");
    }

    static boolean looksLikeCypher(String text) {
        return CYPHER_LINE.matcher(text).find();
    }

    /** A string literal or text block of a source file: its text (escapes as written) and first line. */
    record Literal(String text, int line, int start, int end, boolean textBlock) {
    }

    /** The string literals and text blocks of a Java source, comments and character literals skipped. */
    static List<Literal> literals(String source) {
        var literals = new ArrayList<Literal>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = endOfLine(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (source.startsWith("\"\"\"", i)) {
                int contentStart = endOfLine(source, i) + 1;
                int close = i + 3;
                while (true) {
                    close = source.indexOf("\"\"\"", close);
                    if (close < 0 || source.charAt(close - 1) != '\\') {
                        break;
                    }
                    close += 3;
                }
                int end = close < 0 ? n : close;
                literals.add(new Literal(source.substring(Math.min(contentStart, end), end), lineOf(source, i), i,
                        Math.min(n, end + 3), true));
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                int end = skipQuoted(source, i, '"');
                literals.add(new Literal(source.substring(i + 1, Math.max(i + 1, end - 1)), lineOf(source, i), i, end,
                        false));
                i = end;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** " (with .formatted)" or " (with String.format)" when the literal is formatted, otherwise "". */
    static String formatting(String source, Literal literal) {
        String after = source.substring(literal.end()).stripLeading();
        if (after.startsWith(".formatted(")) {
            return " (with .formatted)";
        }
        String before = source.substring(0, literal.start()).stripTrailing();
        if (before.endsWith("String.format(") || before.matches("(?s).*String\\.format\\(\\s*\\w+\\s*,$")) {
            return " (with String.format)";
        }
        return "";
    }

    private static int skipQuoted(String source, int open, char quote) {
        int i = open + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    private static int endOfLine(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    private static int lineOf(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
