package org.liaisonprm.outreach;

import java.util.Map;

import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.StartupOrder;
import org.liaisonprm.importer.ImportFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the server computes alerts: after every import it runs, every night, and at start-up when an import
 * finished since the last computation (an import made with the command, while no server held the store).
 * The import command's own context leaves this out, like every start-up step but the schema: its import is
 * picked up by the next start.
 */
@Component
@Order(StartupOrder.ALERTS)
class AlertSchedule implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

    private static final Cypher COMPUTED = Cypher.load("outreach/alerts-computed");
    private static final Cypher LATEST_IMPORT = Cypher.load("outreach/latest-import");

    private final Alerts alerts;
    private final Graph graph;

    AlertSchedule(Alerts alerts, Graph graph) {
        this.alerts = alerts;
        this.graph = graph;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            var computed = graph.readOne(COMPUTED, Map.of(), r -> r.get("computedAt").asZonedDateTime(null)).orElse(null);
            var imported = graph.readOne(LATEST_IMPORT, Map.of(), r -> r.get("finishedAt").asZonedDateTime(null)).orElse(null);
            if (computed == null || (imported != null && imported.isAfter(computed))) {
                alerts.refresh();
            }
        } catch (RuntimeException e) {
            log.warn("Alerts were not computed at start-up: {}", e.getMessage());
        }
    }

    @Scheduled(cron = "${liaison.alerts.schedule:0 30 2 * * *}")
    void nightly() {
        try {
            alerts.refresh();
        } catch (RuntimeException e) {
            log.error("The nightly computation of alerts failed", e);
        }
    }

    @EventListener
    void imported(ImportFinished finished) {
        try {
            alerts.refresh();
        } catch (RuntimeException e) {
            log.error("Alerts were not computed after import {}", finished.importId(), e);
        }
    }
}
