package org.liaisonprm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.GraphFixtures.count;
import static org.liaisonprm.GraphFixtures.rows;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo region as loaded into the graph: sizes, rules and the planted patterns.
 */
@DemoGraphTest
class DemoRegionTests {

    @Autowired
    Driver driver;

    @Autowired
    DemoProperties properties;

    private static DemoRegion region;
    private DemoRegion.Planted planted;

    @BeforeEach
    void plantedPatterns() {
        if (region == null) {
            region = new DemoRegionGenerator(properties.seed(), properties.physicians(),
                    properties.lastMonthOrDefault()).generate();
        }
        planted = region.planted();
    }

    @Test
    void theGraphIsExactlyTheRegionTheSeedGenerates() {
        assertThat(count(driver, "MATCH (p:Physician) RETURN count(p)")).isEqualTo(region.physicians().size());
        assertThat(count(driver, "MATCH (p:Practice) RETURN count(p)")).isEqualTo(region.practices().size());
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN count(r)")).isEqualTo(region.referrals().size());
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN sum(r.referrals)"))
                .isEqualTo(region.referrals().stream().mapToLong(DemoRegion.ReferralRow::referrals).sum());
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN sum(r.medicare)"))
                .isEqualTo(region.referrals().stream().mapToLong(DemoRegion.ReferralRow::medicare).sum());
        assertThat(count(driver, "MATCH (p:Physician) WHERE p.id IN $ids RETURN count(p)",
                Map.of("ids", region.physicians().stream().map(DemoRegion.PhysicianRow::id).toList())))
                .isEqualTo(region.physicians().size());
        assertThat(count(driver, "MATCH (d:DemoRegion {seed: $seed}) RETURN count(d)",
                Map.of("seed", properties.seed()))).isEqualTo(1);
    }

    @Test
    void countsAreInRange() {
        assertThat(count(driver, "MATCH (n:Physician) RETURN count(n)")).isBetween(2400L, 2600L);
        assertThat(count(driver, "MATCH (n:Practice) RETURN count(n)")).isBetween(330L, 480L);
        assertThat(count(driver, "MATCH (n:HealthSystem) RETURN count(n)")).isEqualTo(3);
        assertThat(count(driver, "MATCH (n:HealthSystem {home: true}) RETURN count(n)")).isEqualTo(1);
        assertThat(count(driver, "MATCH (n:Facility) RETURN count(n)")).isBetween(15L, 30L);
        assertThat(count(driver, "MATCH (n:Payer) RETURN count(n)")).isEqualTo(5);
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN count(DISTINCT r.serviceLine)")).isGreaterThanOrEqualTo(8);
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN count(DISTINCT r.periodStart)")).isEqualTo(24);
        assertThat(count(driver, "MATCH ()-[r:REFERRED]->() RETURN count(r)")).isBetween(150_000L, 500_000L);
        assertThat(count(driver, "MATCH (p:Physician) WHERE NOT (p)-[:PRACTICES_AT]->(:Practice) RETURN count(p)"))
                .isZero();
        assertThat(count(driver, "MATCH (p:Physician) WHERE p.lat IS NULL OR p.zip IS NULL RETURN count(p)")).isZero();
    }

    @Test
    void everyNodeHasTheNetworkTheOwnershipRulesGive() {
        assertThat(count(driver, """
                MATCH (n) WHERE (n:Practice OR n:Facility) AND (n)-[:PART_OF]->(:HealthSystem {home: true})
                  AND n.network <> 'IN'
                RETURN count(n)""")).isZero();
        assertThat(count(driver, """
                MATCH (f:Facility) WHERE NOT (f)-[:PART_OF]->(:HealthSystem {home: true}) AND f.network <> 'OUT'
                RETURN count(f)""")).isZero();
        assertThat(count(driver, """
                MATCH (p:Physician)
                WITH p, EXISTS { (p)-[:EMPLOYED_BY]->(:HealthSystem {home: true}) }
                        OR EXISTS { (p)-[:PRACTICES_AT]->(:Practice)-[:PART_OF]->(:HealthSystem {home: true}) } AS owned,
                        EXISTS { (p)-[:AFFILIATED_WITH]->(:Facility)-[:PART_OF]->(:HealthSystem {home: true}) } AS affiliated
                WHERE p.network <> CASE WHEN owned THEN 'IN' WHEN affiliated THEN 'AFFILIATED' ELSE 'OUT' END
                RETURN count(p)""")).isZero();
        for (String network : List.of("IN", "AFFILIATED", "OUT")) {
            assertThat(count(driver, "MATCH (p:Physician {network: $network}) RETURN count(p)", Map.of("network", network)))
                    .as(network).isGreaterThan(100);
        }
    }

    @Test
    void payerCountsAddUpToReferrals() {
        assertThat(count(driver, """
                MATCH ()-[r:REFERRED]->()
                WHERE r.commercial + r.medicare + r.medicaid + r.selfPay <> r.referrals
                   OR r.patients > r.referrals OR r.referrals < 1
                   OR r.periodEnd <> r.periodStart + duration({months: 1})
                RETURN count(r)""")).isZero();
    }

    @Test
    void leakageDependsOnTheServiceLineAndStaysBetween25And60Percent() {
        Map<String, Double> leakage = new HashMap<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("""
                    MATCH (p:Physician)-[r:REFERRED]->(t)
                    WHERE p.network IN ['IN', 'AFFILIATED']
                    WITH r.serviceLine AS line, sum(r.referrals) AS all,
                         sum(CASE WHEN t.network = 'OUT' THEN r.referrals ELSE 0 END) AS leaked
                    RETURN line, toFloat(leaked) / all AS rate
                    """).list()).forEach(row -> leakage.put(row.get("line").asString(), row.get("rate").asDouble()));
        }
        assertThat(leakage).hasSizeGreaterThanOrEqualTo(8);
        assertThat(leakage.values()).allSatisfy(rate -> assertThat(rate).isBetween(0.25, 0.60));
        double spread = leakage.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - leakage.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(spread).as("leakage differs between service lines").isGreaterThan(0.08);
    }

    @Test
    void primaryCareSplittersSendAboutHalfTheirOrthopedicsToTheCompetitor() {
        var rows = rows(driver, """
                MATCH (p:Physician)-[r:REFERRED {serviceLine: 'Orthopedics'}]->(t:Physician)
                WHERE p.id IN $ids AND r.periodStart >= $from
                WITH p, sum(r.referrals) AS all,
                     sum(CASE WHEN t.network <> 'OUT' THEN r.referrals ELSE 0 END) AS kept,
                     sum(CASE WHEN (t)-[:PRACTICES_AT]->(:Practice {id: $group}) THEN r.referrals ELSE 0 END) AS toGroup
                RETURN p.network AS network, p.specialty AS specialty, all, toFloat(kept) / all AS keptShare,
                       toFloat(toGroup) / (all - kept) AS groupShareOfLeak
                """, Map.of("ids", planted.orthopedicSplitterIds(), "group", planted.competitorOrthoGroupId(),
                "from", lastMonths(12)));
        assertThat(rows).hasSize(6).allSatisfy(row -> {
            assertThat(row.get("network").asString()).isEqualTo("IN");
            assertThat(row.get("specialty").asString()).isIn("Family Medicine", "Internal Medicine");
            assertThat(row.get("all").asLong()).isGreaterThanOrEqualTo(30);
            assertThat(row.get("keptShare").asDouble()).isBetween(0.3, 0.7);
            assertThat(row.get("groupShareOfLeak").asDouble()).isGreaterThan(0.8);
        });
    }

    @Test
    void chainLeakageRunsThroughTheIndependentCardiologist() {
        // in-network volume into each out-of-network physician, times what they send on to out-of-network facilities
        List<Record> brokers = rows(driver, """
                MATCH (src:Physician)-[r1:REFERRED]->(mid:Physician {network: 'OUT'})
                WHERE src.network IN ['IN', 'AFFILIATED'] AND r1.periodStart >= $from
                WITH mid, sum(r1.referrals) AS inbound
                MATCH (mid)-[r2:REFERRED]->(f:Facility {network: 'OUT'})
                WHERE r2.periodStart >= $from
                WITH mid, inbound, sum(r2.referrals) AS onward
                RETURN mid.id AS id, mid.specialty AS specialty, inbound, onward
                ORDER BY CASE WHEN inbound < onward THEN inbound ELSE onward END DESC LIMIT 3
                """, Map.of("from", lastMonths(12)));
        assertThat(brokers.get(0).get("id").asString()).as(brokers.toString()).isEqualTo(planted.chainLeakageBrokerId());
        assertThat(brokers.get(0).get("specialty").asString()).isEqualTo("Cardiovascular Disease");
        assertThat(brokers.get(0).get("inbound").asLong()).isGreaterThan(300);
        assertThat(count(driver, """
                MATCH (:Physician {id: $broker})-[r:REFERRED]->(:Facility {id: $hospital})
                WHERE r.periodStart >= $from RETURN sum(r.referrals)""",
                Map.of("broker", planted.chainLeakageBrokerId(), "hospital", planted.brokerHospitalId(),
                        "from", lastMonths(12)))).isGreaterThan(300);
        assertThat(count(driver, "MATCH (p:Physician {id: $id}) WHERE p.network = 'OUT' RETURN count(p)",
                Map.of("id", planted.chainLeakageBrokerId()))).isEqualTo(1);
    }

    @Test
    void theCollapsedReferrerKeptAFractionOfHerReferralsInTheLastQuarter() {
        var params = Map.<String, Object>of("id", planted.collapsedReferrerId(),
                "lastQuarter", lastMonths(3), "quarterBefore", lastMonths(6));
        long before = count(driver, """
                MATCH (:Physician {id: $id})-[r:REFERRED]->(t) WHERE t.network <> 'OUT'
                  AND r.periodStart >= $quarterBefore AND r.periodStart < $lastQuarter
                RETURN sum(r.referrals)""", params);
        long after = count(driver, """
                MATCH (:Physician {id: $id})-[r:REFERRED]->(t) WHERE t.network <> 'OUT'
                  AND r.periodStart >= $lastQuarter
                RETURN sum(r.referrals)""", params);
        assertThat(before).isGreaterThan(100);
        assertThat((double) after / before).isLessThan(0.3);
        assertThat(count(driver, "MATCH (p:Physician {id: $id, network: 'IN'}) RETURN count(p)", params)).isEqualTo(1);
    }

    @Test
    void theBrocktonPhysiciansFormTheirOwnReferralCommunity() {
        var ids = Map.<String, Object>of("ids", planted.communityIds());
        long inside = count(driver, """
                MATCH (a:Physician)-[r:REFERRED]->(b:Physician) WHERE a.id IN $ids AND b.id IN $ids
                RETURN sum(r.referrals)""", ids);
        long touching = count(driver, """
                MATCH (a:Physician)-[r:REFERRED]->(b:Physician) WHERE a.id IN $ids OR b.id IN $ids
                RETURN sum(r.referrals)""", ids);
        assertThat((double) inside / touching).isGreaterThan(0.85);

        // Louvain over the physician referral graph puts (nearly) all of them in one community of their own
        List<Record> communities;
        try (var session = driver.session()) {
            session.run("""
                    MATCH (a:Physician)-[r:REFERRED]->(b:Physician)
                    WITH a, b, sum(r.referrals) AS referrals
                    WITH gds.graph.project('demo-communities', a, b, {relationshipProperties: {referrals: referrals}},
                                           {undirectedRelationshipTypes: ['*']}) AS g
                    RETURN g.graphName""").consume();
            try {
                communities = session.run("""
                        CALL gds.louvain.stream('demo-communities', {relationshipWeightProperty: 'referrals',
                                                                   concurrency: 1})
                        YIELD nodeId, communityId
                        WITH gds.util.asNode(nodeId).id AS id, communityId
                        WITH communityId, collect(id) AS members
                        WITH communityId, members, size([m IN members WHERE m IN $ids]) AS planted
                        WHERE planted > 0
                        RETURN communityId, size(members) AS size, planted ORDER BY planted DESC
                        """, ids).list();
            } finally {
                session.run("CALL gds.graph.drop('demo-communities', false)").consume();
            }
        }
        Record main = communities.get(0);
        assertThat(main.get("planted").asInt()).isGreaterThanOrEqualTo((int) (0.8 * planted.communityIds().size()));
        assertThat((double) main.get("planted").asInt() / main.get("size").asInt()).isGreaterThan(0.8);
    }

    /** The first day of the last {@code months} months of demo data. */
    private java.time.LocalDate lastMonths(int months) {
        YearMonth last = properties.lastMonthOrDefault();
        return last.minusMonths(months - 1L).atDay(1);
    }
}
