package org.liaisonprm.graph;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the referral graph lives.
 *
 * @param mode         {@code embedded} (default): a Neo4j DBMS inside this process; {@code external}: a Neo4j
 *                     server, cluster or Aura reached through {@code spring.neo4j.uri}
 * @param dataDir      home directory of the embedded store
 * @param boltAddress  address the embedded Bolt connector listens on
 * @param boltPort     port of the embedded Bolt connector; 0 picks a free one
 * @param boltPassword password of the {@code neo4j} user; required when Bolt listens beyond loopback
 * @param settings     further Neo4j settings for the embedded DBMS, by their Neo4j names
 */
@ConfigurationProperties("liaison.graph")
public record GraphProperties(
        @DefaultValue("embedded") Mode mode,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("127.0.0.1") String boltAddress,
        @DefaultValue("7687") int boltPort,
        String boltPassword,
        @DefaultValue Map<String, String> settings) {

    public enum Mode { EMBEDDED, EXTERNAL }
}
