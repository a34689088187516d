package org.liaisonprm.report;

/**
 * A query cannot start now: the user already runs as many as they may ({@code liaison.reports.max-concurrent-queries},
 * answered 429), or the whole server runs as many heavy ones as it can ({@code liaison.reports.heavy-runs},
 * answered 503). Either way it is worth trying again in a few seconds.
 */
public class QueryBusyException extends RuntimeException {

    /** Seconds after which trying again is sensible. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final boolean serverFull;

    QueryBusyException(int limit) {
        super("You already have " + limit + " queries running; wait for one to finish and try again");
        this.serverFull = false;
    }

    private QueryBusyException(String message) {
        super(message);
        this.serverFull = true;
    }

    static QueryBusyException serverFull(int slots) {
        return new QueryBusyException("The server is running as many heavy queries as it can (" + slots
                + "); try again in a few seconds");
    }

    /** Whether the server as a whole is full, rather than this user's share of it. */
    public boolean serverFull() {
        return serverFull;
    }
}
