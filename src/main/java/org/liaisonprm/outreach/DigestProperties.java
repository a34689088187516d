package org.liaisonprm.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weekly digest (docs/outreach.md, "Weekly digest"). It is sent only when {@code spring.mail.host} is set;
 * the mail server's port, user name and password are Spring Boot's {@code spring.mail.*} settings.
 *
 * @param schedule cron expression of the weekly send (default Monday 07:00)
 * @param zone     the time zone of the schedule and of the dates in the mail; empty = the server's
 * @param from     the sender address
 * @param baseUrl  the address people open Liaison at, for the links in the mail
 */
@ConfigurationProperties("liaison.digest")
public record DigestProperties(
        @DefaultValue("0 0 7 * * MON") String schedule,
        @DefaultValue("") String zone,
        @DefaultValue("liaison@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    /** The base address without a trailing slash. */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
