package org.liaisonprm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonprm.GraphFixtures.count;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.liaisonprm.outreach.Goals;
import org.liaisonprm.outreach.VisitPlans;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A demo load cut short (the process stopped half-way) is redone at the next start, without touching
 * data that did not come from the demo.
 */
@EmptyGraphTest
class InterruptedDemoLoadTests {

    @Autowired
    Driver driver;

    @Autowired
    Graph graph;

    @Autowired
    NetworkMembership membership;

    @Autowired
    ReferralRollup rollup;

    @Autowired
    Goals goals;

    @Autowired
    VisitPlans plans;

    @Test
    void aLoadCutShortIsRemovedAndDoneAgain() {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, "MATCH (d:DemoRegion) DELETE d");
        GraphFixtures.run(driver, """
                CREATE (:DemoRegion {seed: 7, complete: false}),
                       (:HealthSystem {id: 'riverbend', name: 'Riverbend Health', home: true, source: 'demo'}),
                       (:Physician {id: 'half-written', source: 'demo'}),
                       (:Physician {id: 'imported', name: 'Imported Physician', source: 'nppes'})
                """);
        var properties = new DemoProperties(true, 7, 300, YearMonth.of(2026, 10), null);

        new DemoRegionLoader(graph, membership, rollup, properties, goals, plans).run(null);

        assertThat(count(driver, "MATCH (p:Physician {source: 'demo'}) RETURN count(p)")).isEqualTo(300);
        assertThat(count(driver, "MATCH (p:Physician {id: 'half-written'}) RETURN count(p)")).isZero();
        assertThat(count(driver, "MATCH (p:Physician {id: 'imported'}) RETURN count(p)")).isEqualTo(1);
        assertThat(count(driver, "MATCH (h:HealthSystem {home: true}) RETURN count(h)")).isEqualTo(1);
        assertThat(count(driver, "MATCH (d:DemoRegion) WHERE d.complete RETURN count(d)")).isEqualTo(1);
        assertThat(rollup.isStale()).as("the rollup is rebuilt with the region").isFalse();
        assertThat(count(driver, "MATCH (t:Territory {source: 'demo'}) RETURN count(t)")).isEqualTo(5);
        assertThat(count(driver, "MATCH (g:Goal {source: 'demo'}) RETURN count(g)")).isEqualTo(9);

        // and a complete region is left alone at the next start
        new DemoRegionLoader(graph, membership, rollup, properties, goals, plans).run(null);
        assertThat(count(driver, "MATCH (p:Physician) RETURN count(p)")).isEqualTo(301);
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, "MATCH (d:DemoRegion) DELETE d");
        GraphFixtures.run(driver, "MATCH (n) WHERE n:Territory OR n:Goal OR n:Interaction OR n:VisitPlan DETACH DELETE n");
    }
}
