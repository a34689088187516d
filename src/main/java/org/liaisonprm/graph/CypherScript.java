package org.liaisonprm.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Cypher script into statements: {@code ;} at the end of a line ends one, and lines starting
 * with {@code //} are comments.
 */
public final class CypherScript {

    private CypherScript() {
    }

    public static List<String> statements(String script) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
