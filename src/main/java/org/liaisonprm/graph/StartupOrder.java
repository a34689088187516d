package org.liaisonprm.graph;

/**
 * The order of the start-up steps that prepare the graph: schema first, then users, then demo data, then
 * the referral rollup that the leakage reports read, then the alerts computed from all of them.
 */
public final class StartupOrder {

    public static final int SCHEMA = 0;
    public static final int USERS = 10;
    public static final int DEMO = 20;
    public static final int ROLLUP = 30;
    public static final int ALERTS = 40;

    private StartupOrder() {
    }
}
