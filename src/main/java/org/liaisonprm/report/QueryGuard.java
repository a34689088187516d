package org.liaisonprm.report;

import java.util.ArrayDeque;

import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * The second check of user-written Cypher, after {@link CypherSandbox} read its parse tree: Neo4j's own plan
 * of the query ({@code EXPLAIN}) must be read-only, must not load files or run transactions of its own, and
 * may call only the procedures the sandbox allows. Both checks must pass; a query that slipped past one
 * would still be stopped by the other.
 */
final class QueryGuard {

    private QueryGuard() {
    }

    /** Checks Neo4j's plan of the query. */
    static void checkPlan(ResultSummary summary) {
        if (summary.queryType() != QueryType.READ_ONLY) {
            throw new QueryRefusedException(switch (summary.queryType()) {
                case SCHEMA_WRITE -> "The query changes the schema or administers the database; queries may only read";
                default -> "The query writes to the graph; queries may only read";
            });
        }
        if (!summary.hasPlan()) {
            throw new QueryRefusedException("Neo4j gave no plan for the query, so it cannot be checked");
        }
        var plans = new ArrayDeque<Plan>();
        plans.add(summary.plan());
        while (!plans.isEmpty()) {
            Plan plan = plans.poll();
            String operator = plan.operatorType().replaceAll("@.*$", "");
            switch (operator) {
                case "LoadCSV" -> throw new QueryRefusedException("LOAD CSV is not allowed: queries read the graph, "
                        + "not files or URLs; load files with an import");
                case "TransactionApply", "TransactionForeach" ->
                        throw new QueryRefusedException("CALL { … } IN TRANSACTIONS is not allowed: a query runs in one "
                                + "read transaction");
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
        if (!SandboxPolicy.isProcedureAllowed(name)) {
            throw new QueryRefusedException("The procedure " + (name.isEmpty() ? "called" : name)
                    + " is not allowed in queries");
        }
    }
}
