package org.liaisonprm.graph;

/**
 * The order of the start-up steps that prepare the graph: schema first, then users, then demo data.
 */
public final class StartupOrder {

    public static final int SCHEMA = 0;
    public static final int USERS = 10;
    public static final int DEMO = 20;

    private StartupOrder() {
    }
}
