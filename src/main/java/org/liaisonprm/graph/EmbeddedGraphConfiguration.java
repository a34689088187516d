package org.liaisonprm.graph;

import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: starts Neo4j in this process and points the one Bolt driver of the application at it.
 * In external mode this configuration is absent and Spring Boot builds the driver from
 * {@code spring.neo4j.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "liaison.graph.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedGraphConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedGraphServer embeddedGraphServer(GraphProperties properties) {
        return EmbeddedGraphServer.start(properties.dataDir(), properties.boltAddress(), properties.boltPort(),
                properties.boltPassword(), properties.settings());
    }

    /** Replaces Boot's driver; closed before the server because it depends on it. */
    @Bean(destroyMethod = "close")
    Driver neo4jDriver(EmbeddedGraphServer server) {
        return GraphDatabase.driver(server.boltUri(), server.authToken(),
                Config.builder().withUserAgent("liaison").build());
    }
}
