package org.liaisonprm.graph;

import java.nio.file.Path;

/**
 * The embedded store is held by another process, most often a running Liaison server.
 */
public class GraphStoreLockedException extends IllegalStateException {

    GraphStoreLockedException(Path home, Throwable cause) {
        super("The graph store in " + home.toAbsolutePath().normalize()
                + " is in use by another process (is Liaison already running?). Stop it, or use its web UI "
                + "and API, or point this process at it with liaison.graph.mode=external.", cause);
    }
}
