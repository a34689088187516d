package org.liaisonprm.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CypherScriptTests {

    @Test
    void splitsOnSemicolonsAtLineEndsAndSkipsComments() {
        var script = """
                // a comment
                CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);

                CREATE FULLTEXT INDEX b IF NOT EXISTS
                FOR (n:B) ON EACH [n.name];
                // trailing comment
                RETURN 'no semicolon'
                """;
        assertThat(CypherScript.statements(script)).containsExactly(
                "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
                "CREATE FULLTEXT INDEX b IF NOT EXISTS\nFOR (n:B) ON EACH [n.name]",
                "RETURN 'no semicolon'");
    }
}
