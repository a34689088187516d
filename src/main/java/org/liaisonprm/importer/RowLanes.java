package org.liaisonprm.importer;

import java.util.Map;

import org.liaisonprm.graph.Cypher;

/**
 * Where a loader hands the rows of one statement: writer threads of a transactional import ({@link WriterLanes})
 * or the files of a bulk first load ({@link BulkStore}).
 */
interface RowLanes {

    /** Adds a row for the writer of {@code key}; a repeated {@code batchKey} first sends that writer's batch. */
    void add(long key, Object batchKey, Map<String, Object> row);

    /** Writes the rows handed over from now on with another statement. */
    void switchTo(Cypher statement, BatchWriter.Kind writes);

    /** Writes what is left and waits for every batch. */
    void finish();
}
