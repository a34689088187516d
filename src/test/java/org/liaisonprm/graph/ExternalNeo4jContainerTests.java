package org.liaisonprm.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.network.NetworkService;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Extra coverage where Docker exists: external mode against the official Neo4j 5.26 image with the APOC
 * and GDS plugins. {@link ExternalModeTests} covers the same path without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = {"liaison.graph.mode=external", "liaison.demo.physicians=300"})
@ActiveProfiles("test")
class ExternalNeo4jContainerTests {

    @Container
    static final Neo4jContainer<?> NEO4J = new Neo4jContainer<>(DockerImageName.parse("neo4j:5.26-community"))
            .withAdminPassword("container-secret")
            .withEnv("NEO4J_PLUGINS", "[\"apoc\", \"graph-data-science\"]")
            .withEnv("NEO4J_dbms_security_procedures_unrestricted", "apoc.*,gds.*");

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", NEO4J::getAdminPassword);
    }

    @Autowired
    Driver driver;

    @Autowired
    NetworkService network;

    @Test
    void loadsAndAnswersAgainstTheOfficialImage() {
        assertThat(GraphFixtures.count(driver, "MATCH (p:Physician) RETURN count(p)")).isEqualTo(300);
        assertThat(network.topReferrers(network.defaultPeriod(), 3)).hasSize(3);
    }
}
