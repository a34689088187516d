package org.liaisonprm.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

@EmptyGraphTest
class NetworkMembershipTests {

    @Autowired
    Driver driver;

    @Autowired
    NetworkMembership membership;

    @BeforeEach
    void region() {
        GraphFixtures.clear(driver);
        GraphFixtures.run(driver, """
                CREATE (home:HealthSystem {id: 'home', name: 'Home', home: true}),
                       (rival:HealthSystem {id: 'rival', name: 'Rival', home: false}),
                       (p1:Practice {id: 'p1'})-[:PART_OF]->(home),
                       (p2:Practice {id: 'p2'}),
                       (p3:Practice {id: 'p3'})-[:PART_OF]->(rival),
                       (f1:Facility {id: 'f1'})-[:PART_OF]->(home),
                       (f2:Facility {id: 'f2'})-[:PART_OF]->(rival),
                       (f3:Facility {id: 'f3'}),
                       (d1:Physician {id: 'd1'})-[:PRACTICES_AT]->(p1),
                       (d2:Physician {id: 'd2'})-[:PRACTICES_AT]->(p3),
                       (d2)-[:EMPLOYED_BY]->(home),
                       (d3:Physician {id: 'd3'})-[:PRACTICES_AT]->(p2),
                       (d3)-[:AFFILIATED_WITH]->(f1),
                       (d4:Physician {id: 'd4'})-[:PRACTICES_AT]->(p2),
                       (d4)-[:AFFILIATED_WITH]->(f2),
                       (d5:Physician {id: 'd5'})-[:PRACTICES_AT]->(p3),
                       (d5)-[:AFFILIATED_WITH]->(f1),
                       (d6:Physician {id: 'd6'})-[:AFFILIATED_WITH]->(f3)
                """);
    }

    @Test
    void classifiesByOwnershipEmploymentAndAffiliation() {
        membership.recompute();
        assertThat(networks()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("p1", "IN"), Map.entry("p2", "AFFILIATED"), Map.entry("p3", "OUT"),
                Map.entry("f1", "IN"), Map.entry("f2", "OUT"), Map.entry("f3", "OUT"),
                Map.entry("d1", "IN"), Map.entry("d2", "IN"), Map.entry("d3", "AFFILIATED"), Map.entry("d4", "OUT"),
                Map.entry("d5", "AFFILIATED"), Map.entry("d6", "OUT")));
    }

    @Test
    void followsAnAcquisitionAndADivestiture() {
        membership.recompute();
        GraphFixtures.run(driver, """
                MATCH (p2:Practice {id: 'p2'}), (home:HealthSystem {id: 'home'})
                CREATE (p2)-[:PART_OF]->(home)
                WITH home
                MATCH (:Facility {id: 'f1'})-[r:PART_OF]->(home) DELETE r
                """);
        membership.recompute();
        var networks = networks();
        assertThat(networks).containsEntry("p2", "IN").containsEntry("d3", "IN").containsEntry("d4", "IN")
                .containsEntry("f1", "OUT").containsEntry("d5", "OUT").containsEntry("d1", "IN");
    }

    @Test
    void writesOnlyWhatChanges() {
        // 6 practices and facilities (network, inNetwork), 6 physicians (those and leftNetworkOn, previousNetwork),
        // then p2 made AFFILIATED by d3
        assertThat(membership.recompute()).isEqualTo(6 * 2 + 6 * 4 + 2);
        assertThat(membership.recompute()).as("nothing changed").isZero();
        // d3 is no longer affiliated with f1: d3 turns OUT, and with it p2, the independent practice d3 made
        // AFFILIATED (d4 there is affiliated only with the rival's facility)
        GraphFixtures.run(driver, "MATCH (:Physician {id: 'd3'})-[r:AFFILIATED_WITH]->() DELETE r");
        assertThat(membership.recompute()).isEqualTo(4 + 2);
        assertThat(networks()).containsEntry("d3", "OUT").containsEntry("p2", "OUT").containsEntry("d5", "AFFILIATED");
        assertThat(membership.recompute()).isZero();
    }

    private Map<String, String> networks() {
        var networks = new HashMap<String, String>();
        GraphFixtures.rows(driver, """
                MATCH (n) WHERE n:Physician OR n:Practice OR n:Facility RETURN n.id AS id, n.network AS network
                """, Map.of()).forEach(r -> networks.put(r.get("id").asString(), r.get("network").asString(null)));
        return networks;
    }
}
