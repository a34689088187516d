package org.liaisonprm.graph;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * The graph store cannot be reached (stopped, restarting, or the network to it is down). Nothing the
 * caller did is wrong: the API answers 503 and the web UI says so; the driver reconnects by itself
 * once the store is back.
 */
public class GraphUnavailableException extends RuntimeException {

    GraphUnavailableException(Throwable cause) {
        super("The graph store cannot be reached at the moment; Liaison answers again by itself as soon as it is back",
                cause);
    }

    /** Whether {@code failure}, or anything that caused it, says the graph store cannot be reached. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GraphUnavailableException || isOutage(t)) {
                return true;
            }
        }
        return false;
    }

    /** A driver failure that means the store is away rather than that a statement was wrong. */
    static boolean isOutage(Throwable t) {
        return t instanceof ServiceUnavailableException || t instanceof SessionExpiredException
                || t instanceof Neo4jException e && "Neo.TransientError.General.DatabaseUnavailable".equals(e.code());
    }
}
