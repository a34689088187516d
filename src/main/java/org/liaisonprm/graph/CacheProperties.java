package org.liaisonprm.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Answers reused while the graph has not changed ({@link GraphAnswers}).
 *
 * @param enabled      false computes every answer afresh
 * @param ttl          the longest an answer is reused even when this process saw no write: what another
 *                     instance or a tool writing to the same store may leave unseen
 * @param maxMegabytes about how much memory the reused answers may take (estimated from their rows and cells)
 */
@ConfigurationProperties("liaison.cache")
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10m") Duration ttl,
        @DefaultValue("256") int maxMegabytes) {
}
