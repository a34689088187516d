package org.liaisonprm.demo;

import java.time.YearMonth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo region loaded into an empty graph.
 *
 * @param enabled    load it on a first start when the graph holds no providers
 * @param seed       the same seed always gives the same region
 * @param physicians about how many physicians to generate
 * @param lastMonth  last month of the 24 months of referrals; null means the month before the current one
 * @param usersPassword password of the demo users (manager, analyst, viewer, liaison1 to liaison4) created
 *                   beside the first administrator; when unset a random one is generated and printed once
 *                   to the log. It may not be the administrator's password.
 */
@ConfigurationProperties("liaison.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20261126") long seed,
        @DefaultValue("2500") int physicians,
        YearMonth lastMonth,
        String usersPassword) {

    public YearMonth lastMonthOrDefault() {
        return lastMonth != null ? lastMonth : YearMonth.now().minusMonths(1);
    }
}
