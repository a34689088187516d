package org.liaisonprm.graph;

import java.util.concurrent.TimeUnit;

import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.neo4j.Neo4jProperties;
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

    /**
     * Replaces Boot's driver, with the same timeouts as an external store's ({@code spring.neo4j.*}); closed
     * before the server because it depends on it.
     */
    @Bean(destroyMethod = "close")
    Driver neo4jDriver(EmbeddedGraphServer server, Neo4jProperties neo4j) {
        return GraphDatabase.driver(server.boltUri(), server.authToken(), Config.builder()
                .withUserAgent("liaison")
                .withConnectionTimeout(neo4j.getConnectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withMaxTransactionRetryTime(neo4j.getMaxTransactionRetryTime().toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(neo4j.getPool().getConnectionAcquisitionTimeout().toMillis(),
                        TimeUnit.MILLISECONDS)
                .build());
    }
}
