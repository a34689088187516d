package org.liaisonprm.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout               a report or query is stopped after this long
 * @param maxRows               results are cut after this many rows (and say so)
 * @param defaultRevenuePerCase revenue of one referred case in a service line without its own figure
 * @param revenuePerCase        revenue of one referred case, per service line; reports get it as
 *                              {@code $revenuePerCase}
 * @param directory             a folder of further report files, watched for changes; unset = only the
 *                              built-in reports
 * @param maxConcurrentQueries  ad-hoc queries and saved-report runs one user may have running at once
 * @param heavyRuns             GDS reports and ad-hoc queries the whole server runs at once; one more is
 *                              refused at once (503 with Retry-After) rather than queued behind them
 */
@ConfigurationProperties("liaison.reports")
public record ReportProperties(
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("11500") double defaultRevenuePerCase,
        @DefaultValue Map<String, Double> revenuePerCase,
        Path directory,
        @DefaultValue("2") int maxConcurrentQueries,
        @DefaultValue("4") int heavyRuns) {
}
