package org.liaisonprm.report;

import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Pattern;

import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Decides whether an ad-hoc query may run. Checked against Neo4j's own plan of the query ({@code EXPLAIN}),
 * not a guess from its text: the query must be read-only, must not load files or run in batches of its
 * own transactions, and may call only procedures on a read-only allow-list. A few functions that run
 * nested Cypher or reach outside the graph are refused by name. Everything that passes still runs in a read
 * transaction with a timeout.
 */
final class QueryGuard {

    /** Procedures an ad-hoc query may call. GDS algorithms only in stream, stats or estimate mode. */
    private static final List<Pattern> ALLOWED_PROCEDURES = List.of(
            Pattern.compile("db\\.(labels|relationshipTypes|propertyKeys)"),
            Pattern.compile("db\\.schema\\.(visualization|nodeTypeProperties|relTypeProperties)"),
            Pattern.compile("db\\.index\\.fulltext\\.query(Nodes|Relationships)"),
            Pattern.compile("apoc\\.path\\.(expand|expandConfig|subgraphNodes|subgraphAll|spanningTree)"),
            Pattern.compile("apoc\\.neighbors\\.[a-zA-Z.]+"),
            Pattern.compile("apoc\\.meta\\.(schema|stats|data|graph|nodeTypeProperties|relTypeProperties)"),
            Pattern.compile("apoc\\.help"),
            Pattern.compile("gds\\.(list|graph\\.list)"),
            Pattern.compile("gds\\.(?!graph\\.)[a-zA-Z0-9.]+\\.(stream|stats|estimate)"));

    /** Functions that run Cypher of their own or reach outside the graph. */
    private static final Pattern REFUSED_FUNCTIONS = Pattern.compile(
            "\\bapoc\\.(cypher|load|import|export|periodic|trigger|schema|util\\.sleep|do|refactor|systemdb|log|custom)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PROJECTION = Pattern.compile("\\bgds\\.graph\\.project", Pattern.CASE_INSENSITIVE);

    private QueryGuard() {
    }

    /** Checks the text before it is planned. */
    static void checkText(String cypher) {
        if (cypher == null || cypher.isBlank()) {
            throw new QueryRefusedException("The query is empty");
        }
        var refused = REFUSED_FUNCTIONS.matcher(cypher);
        if (refused.find()) {
            throw new QueryRefusedException("Calls to " + refused.group() + ".* are not allowed in ad-hoc queries");
        }
        if (PROJECTION.matcher(cypher).find() && !cypher.contains("$graphName")) {
            throw new QueryRefusedException("Project GDS graphs as $graphName: Liaison names the projection for this "
                    + "run and drops it afterwards");
        }
    }

    /** Checks Neo4j's plan of the query. */
    static void checkPlan(ResultSummary summary) {
        if (summary.queryType() != QueryType.READ_ONLY) {
            throw new QueryRefusedException(switch (summary.queryType()) {
                case SCHEMA_WRITE -> "The query changes the schema or administers the database; ad-hoc queries may only read";
                default -> "The query writes to the graph; ad-hoc queries may only read";
            });
        }
        if (!summary.hasPlan()) {
            return;
        }
        var plans = new ArrayDeque<Plan>();
        plans.add(summary.plan());
        while (!plans.isEmpty()) {
            Plan plan = plans.poll();
            String operator = plan.operatorType().replaceAll("@.*$", "");
            switch (operator) {
                case "LoadCSV" -> throw new QueryRefusedException("LOAD CSV is not allowed in ad-hoc queries; use an import");
                case "TransactionApply", "TransactionForeach" ->
                        throw new QueryRefusedException("CALL { ... } IN TRANSACTIONS is not allowed in ad-hoc queries");
                case "ProcedureCall" -> checkProcedure(plan);
                default -> {
                    // reading operators
                }
            }
            plans.addAll(plan.children());
        }
    }

    private static void checkProcedure(Plan plan) {
        Value details = plan.arguments().get("Details");
        String text = details == null ? "" : details.asString("");
        int paren = text.indexOf('(');
        String name = (paren > 0 ? text.substring(0, paren) : text).strip();
        boolean allowed = ALLOWED_PROCEDURES.stream().anyMatch(p -> p.matcher(name).matches());
        if (!allowed) {
            throw new QueryRefusedException("The procedure " + (name.isEmpty() ? "called" : name)
                    + " is not on the read-only allow-list of ad-hoc queries");
        }
    }

}
