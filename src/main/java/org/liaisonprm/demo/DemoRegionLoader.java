package org.liaisonprm.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.liaisonprm.graph.NetworkMembership;
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
    private final DemoProperties properties;

    DemoRegionLoader(Driver driver, NetworkMembership networkMembership, DemoProperties properties) {
        this.driver = driver;
        this.networkMembership = networkMembership;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (graphHoldsProviders()) {
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
        write("""
                UNWIND $rows AS r
                CREATE (:HealthSystem {id: r.id, name: r.name, home: r.home})
                """, region.healthSystems(), h -> Map.of("id", h.id(), "name", h.name(), "home", h.home()));
        write("""
                UNWIND $rows AS r
                CREATE (:Payer {id: r.id, name: r.name, type: r.type})
                """, region.payers(), p -> Map.of("id", p.id(), "name", p.name(), "type", p.type()));
        write("""
                UNWIND $rows AS r
                CREATE (f:Facility {id: r.id, name: r.name, type: r.type, address: r.address, city: r.city,
                                    state: r.state, zip: r.zip, lat: r.lat, lon: r.lon, beds: r.beds,
                                    network: 'OUT', source: 'demo'})
                WITH f, r WHERE r.system IS NOT NULL
                MATCH (h:HealthSystem {id: r.system})
                CREATE (f)-[:PART_OF]->(h)
                """, region.facilities(), f -> {
                    var m = new HashMap<String, Object>();
                    m.put("id", f.id());
                    m.put("name", f.name());
                    m.put("type", f.type());
                    m.put("address", f.address());
                    m.put("city", f.city());
                    m.put("state", f.state());
                    m.put("zip", f.zip());
                    m.put("lat", f.lat());
                    m.put("lon", f.lon());
                    m.put("beds", f.beds());
                    m.put("system", f.healthSystemId());
                    return m;
                });
        write("""
                UNWIND $rows AS r
                CREATE (p:Practice {id: r.id, name: r.name, npi: r.npi, address: r.address, city: r.city,
                                    state: r.state, zip: r.zip, lat: r.lat, lon: r.lon, network: 'OUT',
                                    source: 'demo'})
                WITH p, r WHERE r.system IS NOT NULL
                MATCH (h:HealthSystem {id: r.system})
                CREATE (p)-[:PART_OF]->(h)
                """, region.practices(), p -> {
                    var m = new HashMap<String, Object>();
                    m.put("id", p.id());
                    m.put("name", p.name());
                    m.put("npi", p.npi());
                    m.put("address", p.address());
                    m.put("city", p.city());
                    m.put("state", p.state());
                    m.put("zip", p.zip());
                    m.put("lat", p.lat());
                    m.put("lon", p.lon());
                    m.put("system", p.healthSystemId());
                    return m;
                });
        write("""
                UNWIND $rows AS r
                CREATE (d:Physician {id: r.id, npi: r.npi, name: r.name, firstName: r.firstName,
                                     lastName: r.lastName, credential: r.credential, specialty: r.specialty,
                                     taxonomyCode: r.taxonomyCode, serviceLine: r.serviceLine, sex: r.sex,
                                     active: true, address: r.address, city: r.city, state: r.state, zip: r.zip,
                                     lat: r.lat, lon: r.lon, network: 'OUT', source: 'demo'})
                WITH d, r
                MATCH (p:Practice {id: r.practice})
                CREATE (d)-[:PRACTICES_AT]->(p)
                WITH d, r
                CALL {
                  WITH d, r
                  MATCH (h:HealthSystem {id: r.employer})
                  CREATE (d)-[:EMPLOYED_BY]->(h)
                }
                CALL {
                  WITH d, r
                  UNWIND r.affiliations AS facilityId
                  MATCH (f:Facility {id: facilityId})
                  CREATE (d)-[:AFFILIATED_WITH]->(f)
                }
                """, region.physicians(), d -> {
                    var m = new HashMap<String, Object>();
                    m.put("id", d.id());
                    m.put("npi", d.npi());
                    m.put("name", d.name());
                    m.put("firstName", d.firstName());
                    m.put("lastName", d.lastName());
                    m.put("credential", d.credential());
                    m.put("specialty", d.specialty());
                    m.put("taxonomyCode", d.taxonomyCode());
                    m.put("serviceLine", d.serviceLine());
                    m.put("sex", d.sex());
                    m.put("address", d.address());
                    m.put("city", d.city());
                    m.put("state", d.state());
                    m.put("zip", d.zip());
                    m.put("lat", d.lat());
                    m.put("lon", d.lon());
                    m.put("practice", d.practiceId());
                    m.put("employer", d.employerId());
                    m.put("affiliations", d.affiliatedFacilityIds());
                    return m;
                });
        String referral = """
                UNWIND $rows AS r
                MATCH (a:Physician {id: r.source})
                MATCH (b:%s {id: r.target})
                CREATE (a)-[:REFERRED {periodStart: r.periodStart, periodEnd: r.periodEnd,
                                       serviceLine: r.serviceLine, referrals: r.referrals, patients: r.patients,
                                       commercial: r.commercial, medicare: r.medicare, medicaid: r.medicaid,
                                       selfPay: r.selfPay, source: 'demo'}]->(b)
                """;
        Function<DemoRegion.ReferralRow, Map<String, Object>> referralRow = r -> Map.ofEntries(
                Map.entry("source", r.sourceId()), Map.entry("target", r.targetId()),
                Map.entry("periodStart", r.periodStart()), Map.entry("periodEnd", r.periodEnd()),
                Map.entry("serviceLine", r.serviceLine()), Map.entry("referrals", r.referrals()),
                Map.entry("patients", r.patients()), Map.entry("commercial", r.commercial()),
                Map.entry("medicare", r.medicare()), Map.entry("medicaid", r.medicaid()),
                Map.entry("selfPay", r.selfPay()));
        write(referral.formatted("Physician"),
                region.referrals().stream().filter(r -> !r.targetIsFacility()).toList(), referralRow);
        write(referral.formatted("Facility"),
                region.referrals().stream().filter(DemoRegion.ReferralRow::targetIsFacility).toList(), referralRow);
        networkMembership.recompute();
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MERGE (d:DemoRegion {seed: $seed})
                    SET d.physicians = $physicians, d.loadedAt = datetime()
                    """, Map.of("seed", properties.seed(), "physicians", region.physicians().size())).consume());
        }
    }

    private <T> void write(String cypher, List<T> items, Function<T, Map<String, Object>> toRow) {
        try (var session = driver.session()) {
            for (int from = 0; from < items.size(); from += BATCH) {
                var rows = new ArrayList<Map<String, Object>>();
                for (T item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                    rows.add(toRow.apply(item));
                }
                session.executeWrite(tx -> tx.run(cypher, Map.of("rows", rows)).consume());
            }
        }
    }
}
