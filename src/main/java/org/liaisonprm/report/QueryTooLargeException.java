package org.liaisonprm.report;

/**
 * A report or query stopped because it needed more memory than one transaction may use
 * ({@code db.memory.transaction.max}).
 */
public class QueryTooLargeException extends RuntimeException {

    QueryTooLargeException(Throwable cause) {
        super("The query was stopped because it needed more memory than a query may use; narrow it down "
                + "(fewer rows, smaller collections) or aggregate earlier", cause);
    }
}
