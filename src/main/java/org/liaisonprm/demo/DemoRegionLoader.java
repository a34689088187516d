package org.liaisonprm.demo;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.graph.StartupOrder;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo region on a first start, when {@code liaison.demo.enabled} and the graph holds no
 * providers. Writes go through the Bolt driver in batched write transactions, like any import.
 */
@Component
@Order(StartupOrder.DEMO)
public class DemoRegionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegionLoader.class);
    private static final int BATCH = 10_000;

    private final Driver driver;
    private final NetworkMembership networkMembership;
    private final ReferralRollup referralRollup;
    private final DemoProperties properties;

    DemoRegionLoader(Driver driver, NetworkMembership networkMembership, ReferralRollup referralRollup,
                     DemoProperties properties) {
        this.driver = driver;
        this.networkMembership = networkMembership;
        this.referralRollup = referralRollup;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (demoLoadWasInterrupted()) {
            log.warn("An earlier load of the demo region was interrupted: removing what it wrote and loading it again");
            removeDemoRegion();
        } else if (graphHoldsProviders()) {
            log.info("The graph already holds providers: the demo region is not loaded");
            return;
        }
        long started = System.nanoTime();
        DemoRegion region = new DemoRegionGenerator(properties.seed(), properties.physicians(),
                properties.lastMonthOrDefault()).generate();
        long generated = System.nanoTime();
        load(region);
        log.info("Loaded the demo region (seed {}): {} physicians, {} practices, {} facilities, {} referral "
                        + "relationships in {} ms (generation {} ms)",
                properties.seed(), region.physicians().size(), region.practices().size(), region.facilities().size(),
                region.referrals().size(), (System.nanoTime() - started) / 1_000_000,
                (generated - started) / 1_000_000);
    }

    private boolean demoLoadWasInterrupted() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(
                    "MATCH (d:DemoRegion) WHERE NOT coalesce(d.complete, false) RETURN count(d) > 0 AS any")
                    .single().get("any").asBoolean());
        }
    }

    /** Deletes everything the demo loader writes, in small transactions (it may be a third of a million rows). */
    private void removeDemoRegion() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE n.source = 'demo'
                    CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS
                    """).consume();
            session.executeWrite(tx -> tx.run("MATCH (d:DemoRegion) DELETE d").consume());
        }
    }

    private boolean graphHoldsProviders() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (n) WHERE n:Physician OR n:Practice OR n:Facility OR n:HealthSystem
                    RETURN count(n) > 0 AS any
                    """).single().get("any").asBoolean());
        }
    }

    /** Writes a region into a graph that holds no providers yet. */
    public void load(DemoRegion region) {
        // Marks the load as under way, so that a load cut short (a stop, a crash) is redone at the next start
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MERGE (d:DemoRegion {seed: $seed}) SET d.complete = false, d.startedAt = datetime()
                    """, Map.of("seed", properties.seed())).consume());
        }
        write("""
                UNWIND $rows AS r
                CREATE (:HealthSystem {id: r.id, name: r.name, home: r.home, source: 'demo'})
                """, region.healthSystems());
        write("""
                UNWIND $rows AS r
                CREATE (:Payer {id: r.id, name: r.name, type: r.type, source: 'demo'})
                """, region.payers());
        write("""
                UNWIND $rows AS r
                CREATE (f:Facility {id: r.id, name: r.name, type: r.type, address: r.address, city: r.city,
                                    state: r.state, zip: r.zip, lat: r.lat, lon: r.lon, beds: r.beds,
                                    network: 'OUT', source: 'demo'})
                WITH f, r WHERE r.healthSystemId IS NOT NULL
                MATCH (h:HealthSystem {id: r.healthSystemId})
                CREATE (f)-[:PART_OF]->(h)
                """, region.facilities());
        write("""
                UNWIND $rows AS r
                CREATE (p:Practice {id: r.id, name: r.name, npi: r.npi, address: r.address, city: r.city,
                                    state: r.state, zip: r.zip, lat: r.lat, lon: r.lon, network: 'OUT',
                                    source: 'demo'})
                WITH p, r WHERE r.healthSystemId IS NOT NULL
                MATCH (h:HealthSystem {id: r.healthSystemId})
                CREATE (p)-[:PART_OF]->(h)
                """, region.practices());
        write("""
                UNWIND $rows AS r
                CREATE (d:Physician {id: r.id, npi: r.npi, name: r.firstName + ' ' + r.lastName + ', ' + r.credential,
                                     firstName: r.firstName, lastName: r.lastName, credential: r.credential,
                                     specialty: r.specialty, taxonomyCode: r.taxonomyCode,
                                     serviceLine: r.serviceLine, sex: r.sex, active: true, address: r.address,
                                     city: r.city, state: r.state, zip: r.zip, lat: r.lat, lon: r.lon,
                                     network: 'OUT', source: 'demo'})
                WITH d, r
                MATCH (p:Practice {id: r.practiceId})
                CREATE (d)-[:PRACTICES_AT]->(p)
                WITH d, r
                CALL {
                  WITH d, r
                  MATCH (h:HealthSystem {id: r.employerId})
                  CREATE (d)-[:EMPLOYED_BY]->(h)
                }
                CALL {
                  WITH d, r
                  UNWIND r.affiliatedFacilityIds AS facilityId
                  MATCH (f:Facility {id: facilityId})
                  CREATE (d)-[:AFFILIATED_WITH]->(f)
                }
                """, region.physicians());
        String referral = """
                UNWIND $rows AS r
                MATCH (a:Physician {id: r.sourceId})
                MATCH (b:%s {id: r.targetId})
                CREATE (a)-[:REFERRED {periodStart: r.periodStart, periodEnd: r.periodStart + duration({months: 1}),
                                       serviceLine: r.serviceLine, referrals: r.referrals, patients: r.patients,
                                       commercial: r.commercial, medicare: r.medicare, medicaid: r.medicaid,
                                       selfPay: r.selfPay, source: 'demo'}]->(b)
                """;
        write(referral.formatted("Physician"),
                region.referrals().stream().filter(r -> !r.targetIsFacility()).toList());
        write(referral.formatted("Facility"),
                region.referrals().stream().filter(DemoRegion.ReferralRow::targetIsFacility).toList());
        networkMembership.recompute();
        referralRollup.rebuild();
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MERGE (d:DemoRegion {seed: $seed})
                    SET d.physicians = $physicians, d.loadedAt = datetime(), d.complete = true
                    """, Map.of("seed", properties.seed(), "physicians", region.physicians().size())).consume());
        }
    }

    /** Writes records in batches, each record as a map of its components. */
    private void write(String cypher, List<? extends Record> items) {
        try (var session = driver.session()) {
            for (int from = 0; from < items.size(); from += BATCH) {
                var rows = new ArrayList<Map<String, Object>>();
                for (Record item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                    rows.add(asRow(item));
                }
                session.executeWrite(tx -> tx.run(cypher, Map.of("rows", rows)).consume());
            }
        }
    }

    private static Map<String, Object> asRow(Record item) {
        var row = new HashMap<String, Object>();
        for (RecordComponent component : item.getClass().getRecordComponents()) {
            try {
                row.put(component.getName(), component.getAccessor().invoke(item));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
        return row;
    }
}
