package org.liaisonprm.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.GraphAnswers;
import org.liaisonprm.graph.ReferralCalendar;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.ResultSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs reports: parameters checked and converted, then the Cypher in a read transaction with a timeout,
 * results cut at the row cap. A report's rows and a parameter's choices are reused while the graph has not
 * changed, keyed by the Cypher and every value it runs with (the caller's scope included); ad-hoc queries
 * always run. GDS reports and ad-hoc queries take one of {@code liaison.reports.heavy-runs} slots.
 */
@Service
public class ReportRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

    private static final Cypher DROP_PROJECTION = Cypher.load("report/drop-projection");

    private final Graph graph;
    private final ReportCatalog catalog;
    private final ReferralCalendar calendar;
    private final ReportProperties properties;
    private final AuditTrail audit;
    private final GraphAnswers answers;
    private final Semaphore heavy;

    ReportRunner(Graph graph, ReportCatalog catalog, ReferralCalendar calendar, ReportProperties properties,
                 AuditTrail audit, GraphAnswers answers) {
        this.graph = graph;
        this.answers = answers;
        this.heavy = new Semaphore(Math.max(1, properties.heavyRuns()));
        this.audit = audit;
        this.catalog = catalog;
        this.calendar = calendar;
        this.properties = properties;
    }

    /**
     * Runs a built-in report.
     *
     * @throws ReportParameterException when a parameter is unknown or its value does not fit
     * @throws NoSuchElementException when there is no such report
     */
    public ReportResult run(String reportId, Map<String, ?> given) {
        ReportDefinition report = catalog.find(reportId).orElseThrow(
                () -> new NoSuchElementException("No report with the id " + reportId));
        return run(report, given);
    }

    /**
     * Runs a report with the given parameter values. A saved report's Cypher was written by a user, so it runs
     * in the sandbox, like an ad-hoc query.
     *
     * @throws ReportParameterException when a parameter is unknown or its value does not fit
     * @throws QueryRefusedException when a saved report's Cypher is not allowed
     */
    public ReportResult run(ReportDefinition report, Map<String, ?> given) {
        return run(report, given, null);
    }

    /**
     * Runs a report for a user: outreach reports see what the user may see of outreach.
     *
     * @param user null for the application itself, which sees the team's outreach
     */
    public ReportResult run(ReportDefinition report, Map<String, ?> given, CurrentUser user) {
        Map<String, Object> parameters = parameters(report, given);
        parameters.putAll(scope(user));
        var key = new RunKey(report.cypher(), report.isSaved(), new HashMap<>(parameters));
        return answers.get("report", key, ReportRunner::cells, () -> {
            if (report.isSaved()) {
                return inHeavySlot(() -> sandboxed(report.cypher(), parameters, properties.timeout()));
            }
            if (!report.usesGds()) {
                return execute(report.cypher(), parameters, properties.timeout(), false);
            }
            return inHeavySlot(() -> {
                String graphName = "liaison-" + report.id() + "-" + UUID.randomUUID();
                parameters.put(SandboxPolicy.GRAPH_NAME_PARAMETER, graphName);
                try {
                    return execute(report.cypher(), parameters, properties.timeout(), false);
                } finally {
                    dropProjection(graphName);
                }
            });
        });
    }

    /** What a run's rows depend on: the statement, whether it is sandboxed, and every value it runs with. */
    private record RunKey(String cypher, boolean sandboxed, Map<String, Object> parameters) {
    }

    private static long cells(ReportResult result) {
        return (long) result.rows().size() * Math.max(1, result.columns().size());
    }

    /**
     * Runs heavy work in one of the server's slots for it, or refuses at once when all are taken.
     *
     * @throws QueryBusyException when every slot is taken
     */
    private <T> T inHeavySlot(Supplier<T> work) {
        if (!heavy.tryAcquire()) {
            throw QueryBusyException.serverFull(properties.heavyRuns());
        }
        try {
            return work.get();
        } finally {
            heavy.release();
        }
    }

    /**
     * Runs an ad-hoc query in the sandbox: checked, then run in a read transaction with a time limit and the row
     * cap, and its values checked before they are shown. A query that projects a GDS graph names it
     * {@code $graphName}; it is dropped afterwards.
     *
     * @param timeout how long it may run; it can lower {@code liaison.reports.timeout}, never raise it or
     *                switch it off (null, zero, negative or longer all mean the configured limit)
     * @throws QueryRefusedException when the query is not allowed, saying why
     */
    public ReportResult query(String cypher, Map<String, ?> given, Duration timeout) {
        var parameters = new HashMap<String, Object>(given == null ? Map.of() : given);
        return inHeavySlot(() -> sandboxed(cypher, parameters, limit(timeout)));
    }

    /** What a built-in outreach report filters on: {@code $viewer} and {@code $teamView}. */
    static Map<String, Object> scope(CurrentUser user) {
        var scope = new HashMap<String, Object>();
        scope.put("viewer", user == null ? null : user.username());
        scope.put("teamView", user == null || user.seesTeam());
        return scope;
    }

    /** The time limit of a run: what was asked for, within the configured limit. */
    Duration limit(Duration requested) {
        Duration configured = properties.timeout();
        if (requested == null || requested.isZero() || requested.isNegative() || requested.compareTo(configured) > 0) {
            return configured;
        }
        return requested;
    }

    /**
     * Checks user-written Cypher without running it: its parse tree ({@link CypherSandbox}), then Neo4j's own
     * plan ({@link QueryGuard}).
     *
     * @throws QueryRefusedException saying why the query may not run
     */
    public void check(String cypher, Map<String, ?> parameters) {
        checked(cypher, parameters);
    }

    private CypherSandbox.Checked checked(String cypher, Map<String, ?> parameters) {
        CypherSandbox.Checked checked = CypherSandbox.check(cypher);
        var withName = new HashMap<String, Object>(parameters);
        withName.putIfAbsent(SandboxPolicy.GRAPH_NAME_PARAMETER, "liaison-check");
        ResultSummary plan;
        try {
            plan = graph.inTransaction(AccessMode.READ, config(properties.timeout()), Graph.Outcome.ROLL_BACK,
                    tx -> tx.explain(Cypher.written(cypher), withName));
        } catch (ClientException e) {
            throw new QueryRefusedException("Neo4j cannot run this query: " + e.getMessage());
        }
        QueryGuard.checkPlan(plan);
        return checked;
    }

    private ReportResult sandboxed(String cypher, Map<String, Object> parameters, Duration limit) {
        // The run's projection name is the runner's to choose, never the caller's.
        String graphName = "liaison-query-" + UUID.randomUUID();
        parameters.put(SandboxPolicy.GRAPH_NAME_PARAMETER, graphName);
        CypherSandbox.Checked checked = checked(cypher, parameters);
        try {
            return execute(cypher, parameters, limit, true);
        } finally {
            if (checked.usesGraphName()) {
                dropProjection(graphName);
            }
        }
    }

    /** Drops a run's projection whatever happened to the run: success, error or timeout. */
    private void dropProjection(String graphName) {
        try {
            graph.read(tx -> tx.run(DROP_PROJECTION, Map.of("name", graphName)));
        } catch (RuntimeException e) {
            log.warn("Could not drop the GDS projection {}: {}", graphName, e.getMessage());
        }
    }

    /** The values a report runs with: the given ones converted, the others from defaults. */
    public Map<String, Object> parameters(ReportDefinition report, Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (report.parameter(name).isEmpty()) {
                throw new ReportParameterException(name, "report " + report.id() + " has no such parameter");
            }
        }
        var values = new HashMap<String, Object>();
        var dataEnd = SingletonSupplier.of(calendar::dataEnd);
        for (ReportParameter parameter : report.parameters()) {
            Object raw = given.get(parameter.name());
            if (raw instanceof String s && s.isBlank()) {
                raw = null;
            }
            Object value;
            try {
                if (raw != null) {
                    value = parameter.type().convert(raw);
                } else if (parameter.defaultValue() != null && ReportDefaults.isRelative(parameter.defaultValue())) {
                    value = ReportDefaults.resolve(parameter.defaultValue(), dataEnd.get());
                } else {
                    value = parameter.type().convert(parameter.defaultValue());
                }
            } catch (IllegalArgumentException e) {
                throw new ReportParameterException(parameter.name(), e.getMessage());
            }
            values.put(parameter.name(), value);
        }
        values.put("revenuePerCase", properties.revenuePerCase());
        values.put("defaultRevenuePerCase", properties.defaultRevenuePerCase());
        return values;
    }

    /**
     * The values to choose from: an enum's values, or what the parameter's choices query returns (its
     * first column is the value, an optional second column the label shown). A saved report's choices query
     * was written by a user: it runs in the sandbox and is audited.
     */
    public List<Choice> choices(ReportDefinition report, ReportParameter parameter) {
        return choices(report, parameter, null);
    }

    /** The values to choose from as a user sees them (a liaison: their own territories). */
    public List<Choice> choices(ReportDefinition report, ReportParameter parameter, CurrentUser user) {
        String cypher = parameter.choicesQuery();
        if (cypher == null) {
            return parameter.type().values().stream().map(v -> new Choice(v, v)).toList();
        }
        if (!report.isSaved()) {
            var scope = scope(user);
            return answers.get("choices", new RunKey(cypher, false, scope), List::size,
                    () -> execute(cypher, new HashMap<>(scope), properties.timeout(), false).rows().stream()
                            .map(ReportRunner::choice).toList());
        }
        String target = "choices " + report.id() + "." + parameter.name();
        try {
            ReportResult result = sandboxed(cypher, new HashMap<>(), properties.timeout());
            audit.record(AuditType.QUERY_RUN, target, cypher, (long) result.rows().size(), result.elapsedMs());
            return result.rows().stream().map(ReportRunner::choice).toList();
        } catch (QueryRefusedException | QueryTimeoutException e) {
            audit.record(AuditType.QUERY_RUN, target, cypher + "\n// refused: " + e.getMessage(), null, null);
            throw e;
        }
    }

    private static Choice choice(List<Object> row) {
        String value = String.valueOf(row.get(0));
        return new Choice(value, row.size() > 1 ? String.valueOf(row.get(1)) : value);
    }

    /** One value a parameter can take, with what to show for it. */
    public record Choice(String value, String label) {
    }

    /**
     * An explicit read transaction rather than a managed one: a managed transaction would retry a query
     * that was stopped for running too long.
     *
     * @param userWritten whether every value must be checked for application data before it is shown
     */
    private ReportResult execute(String cypher, Map<String, Object> parameters, Duration timeout, boolean userWritten) {
        long started = System.nanoTime();
        try {
            // the text of a report file under cypher/reports/ or of a saved report, or a user's query
            Graph.Rows<List<Object>> result = graph.inTransaction(AccessMode.READ, config(timeout),
                    Graph.Outcome.COMMIT,
                    tx -> tx.atMost(properties.maxRows(), Cypher.written(cypher), parameters,
                            record -> row(record, userWritten)));
            return new ReportResult(result.columns(), result.rows(), result.truncated(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Neo4jException e) {
            if (isTimeout(e)) {
                throw new QueryTimeoutException(timeout, e);
            }
            if (isOutOfMemory(e)) {
                throw new QueryTooLargeException(e);
            }
            throw e;
        }
    }

    private static List<Object> row(Record record, boolean userWritten) {
        var row = new ArrayList<Object>(record.size());
        for (Value value : record.values()) {
            if (userWritten) {
                GraphValues.checkVisible(value);
            }
            row.add(GraphValues.plain(value));
        }
        return row;
    }

    private static boolean isOutOfMemory(Neo4jException e) {
        String code = String.valueOf(e.code());
        return code.contains("MemoryPoolOutOfMemoryError") || code.contains("OutOfMemory");
    }

    private static boolean isTimeout(Neo4jException e) {
        String code = String.valueOf(e.code());
        return code.contains("TransactionTimedOut") || code.contains("Terminated")
                || String.valueOf(e.getMessage()).contains("timeout");
    }

    private static TransactionConfig config(Duration timeout) {
        return TransactionConfig.builder().withTimeout(timeout).withMetadata(Map.of("app", "liaison-reports")).build();
    }

}
