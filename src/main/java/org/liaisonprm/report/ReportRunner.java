package org.liaisonprm.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.liaisonprm.graph.ReferralCalendar;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.ResultSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs reports: parameters checked and converted, then the Cypher in a read transaction with a timeout,
 * results cut at the row cap.
 */
@Service
public class ReportRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

    private final Driver driver;
    private final ReportCatalog catalog;
    private final ReferralCalendar calendar;
    private final ReportProperties properties;

    ReportRunner(Driver driver, ReportCatalog catalog, ReferralCalendar calendar, ReportProperties properties) {
        this.driver = driver;
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
     * Runs a report with the given parameter values. A saved report's Cypher was written by a user, so it
     * passes {@link QueryGuard} first, like an ad-hoc query.
     *
     * @throws ReportParameterException when a parameter is unknown or its value does not fit
     * @throws QueryRefusedException when a saved report's Cypher is not read-only
     */
    public ReportResult run(ReportDefinition report, Map<String, ?> given) {
        Map<String, Object> parameters = parameters(report, given);
        if (report.isSaved()) {
            return guarded(report.cypher(), parameters, properties.timeout());
        }
        if (!report.usesGds()) {
            return execute(report.cypher(), parameters);
        }
        String graphName = "liaison-" + report.id() + "-" + UUID.randomUUID();
        parameters.put("graphName", graphName);
        try {
            return execute(report.cypher(), parameters);
        } finally {
            dropProjection(graphName);
        }
    }

    /**
     * Runs an ad-hoc query after {@link QueryGuard} accepted it: read transaction, timeout, row cap. A query
     * that projects a GDS graph names it {@code $graphName}; it is dropped afterwards.
     *
     * @param timeout how long it may run; null or longer than {@code liaison.reports.timeout} means that
     * @throws QueryRefusedException when the query is not read-only or calls what it may not
     */
    public ReportResult query(String cypher, Map<String, ?> given, Duration timeout) {
        var parameters = new HashMap<String, Object>(given == null ? Map.of() : given);
        Duration limit = timeout == null || timeout.compareTo(properties.timeout()) > 0 ? properties.timeout() : timeout;
        return guarded(cypher, parameters, limit);
    }

    /**
     * Checks user-written Cypher without running it: the text, then Neo4j's own plan (EXPLAIN).
     *
     * @throws QueryRefusedException saying why the query may not run
     */
    public void check(String cypher, Map<String, ?> parameters) {
        QueryGuard.checkText(cypher);
        var withName = new HashMap<String, Object>(parameters);
        withName.putIfAbsent("graphName", "liaison-check");
        try (var session = readSession()) {
            ResultSummary plan;
            try {
                try (var tx = session.beginTransaction(transactionConfig())) {
                    plan = tx.run("EXPLAIN " + cypher, withName).consume();
                }
            } catch (ClientException e) {
                throw new QueryRefusedException("Neo4j cannot run this query: " + e.getMessage());
            }
            QueryGuard.checkPlan(plan);
        }
    }

    private ReportResult guarded(String cypher, Map<String, Object> parameters, Duration limit) {
        check(cypher, parameters);
        boolean projects = cypher.contains("$graphName");
        String graphName = "liaison-query-" + UUID.randomUUID();
        if (projects) {
            parameters.put("graphName", graphName);
        }
        try {
            return execute(cypher, parameters, limit);
        } finally {
            if (projects) {
                dropProjection(graphName);
            }
        }
    }

    /** Drops a run's projection whatever happened to the run: success, error or timeout. */
    private void dropProjection(String graphName) {
        try (var session = readSession()) {
            session.executeRead(tx -> tx.run("CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName",
                    Map.of("name", graphName)).consume());
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
     * first column is the value, an optional second column the label shown). The query is checked like
     * any user-written Cypher: saved reports declare their own.
     */
    public List<Choice> choices(ReportParameter parameter) {
        if (parameter.choicesQuery() == null) {
            return parameter.type().values().stream().map(v -> new Choice(v, v)).toList();
        }
        check(parameter.choicesQuery(), Map.of());
        try (var session = readSession()) {
            return session.executeRead(tx -> tx.run(parameter.choicesQuery()).list(r -> {
                String value = String.valueOf(GraphValues.plain(r.get(0)));
                return new Choice(value, r.size() > 1 ? String.valueOf(GraphValues.plain(r.get(1))) : value);
            }), transactionConfig());
        }
    }

    /** One value a parameter can take, with what to show for it. */
    public record Choice(String value, String label) {
    }

    private ReportResult execute(String cypher, Map<String, Object> parameters) {
        return execute(cypher, parameters, properties.timeout());
    }

    /**
     * An explicit read transaction rather than a managed one: a managed transaction would retry a query
     * that was stopped for running too long.
     */
    private ReportResult execute(String cypher, Map<String, Object> parameters, Duration timeout) {
        long started = System.nanoTime();
        try (var session = readSession(); var tx = session.beginTransaction(config(timeout))) {
            var result = tx.run(cypher, parameters);
            List<String> columns = result.keys();
            var rows = new ArrayList<List<Object>>();
            boolean truncated = false;
            while (result.hasNext()) {
                if (rows.size() == properties.maxRows()) {
                    truncated = true;
                    break;
                }
                Record record = result.next();
                var row = new ArrayList<Object>(columns.size());
                record.values().forEach(v -> row.add(GraphValues.plain(v)));
                rows.add(row);
            }
            result.consume();
            tx.commit();
            return new ReportResult(columns, rows, truncated, (System.nanoTime() - started) / 1_000_000);
        } catch (Neo4jException e) {
            if (isTimeout(e)) {
                throw new QueryTimeoutException(timeout, e);
            }
            throw e;
        }
    }

    private static boolean isTimeout(Neo4jException e) {
        String code = String.valueOf(e.code());
        return code.contains("TransactionTimedOut") || code.contains("Terminated")
                || String.valueOf(e.getMessage()).contains("timeout");
    }

    private Session readSession() {
        return driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
    }

    private TransactionConfig transactionConfig() {
        return config(properties.timeout());
    }

    private static TransactionConfig config(Duration timeout) {
        return TransactionConfig.builder().withTimeout(timeout).withMetadata(Map.of("app", "liaison-reports")).build();
    }

}
