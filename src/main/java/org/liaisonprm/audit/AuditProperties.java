package org.liaisonprm.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention audit events older than this are removed, once a day; {@code 0} keeps them for ever. The
 *                  import history, with its error reports, is kept as long
 */
@ConfigurationProperties("liaison.audit")
public record AuditProperties(@DefaultValue("400d") Duration retention) {
}
