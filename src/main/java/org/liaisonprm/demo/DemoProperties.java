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
 */
@ConfigurationProperties("liaison.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20261126") long seed,
        @DefaultValue("2500") int physicians,
        YearMonth lastMonth) {

    public YearMonth lastMonthOrDefault() {
        return lastMonth != null ? lastMonth : YearMonth.now().minusMonths(1);
    }
}
