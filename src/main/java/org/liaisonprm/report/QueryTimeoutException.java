package org.liaisonprm.report;

import java.time.Duration;

/**
 * A report or query stopped because it ran longer than it may.
 */
public class QueryTimeoutException extends RuntimeException {

    QueryTimeoutException(Duration limit, Throwable cause) {
        super("The query was stopped after " + limit.toSeconds() + " s (liaison.reports.timeout)", cause);
    }
}
