package org.liaisonprm.report;

/**
 * An ad-hoc query that is not allowed to run, with the reason.
 */
public class QueryRefusedException extends IllegalArgumentException {

    QueryRefusedException(String reason) {
        super(reason);
    }
}
