package org.liaisonprm.report;

/**
 * A user already runs as many queries at once as they may ({@code liaison.reports.max-concurrent-queries}).
 */
public class QueryBusyException extends RuntimeException {

    QueryBusyException(int limit) {
        super("You already have " + limit + " queries running; wait for one to finish and try again");
    }
}
