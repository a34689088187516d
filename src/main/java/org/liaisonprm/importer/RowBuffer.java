package org.liaisonprm.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Rows collected for one statement, handed on in batches of a given size and at the end. */
final class RowBuffer {

    private final Consumer<List<Map<String, Object>>> sink;
    private final int size;
    private final Set<Object> keys = new HashSet<>();
    private List<Map<String, Object>> rows = new ArrayList<>();

    RowBuffer(Consumer<List<Map<String, Object>>> sink, int size) {
        this.sink = sink;
        this.size = size;
    }

    void add(Map<String, Object> row) {
        rows.add(row);
        if (rows.size() >= size) {
            flush();
        }
    }

    /**
     * Adds a row whose statement looks up what earlier rows wrote: a row repeating the key of one waiting
     * in this batch first sends the batch, so that it meets the earlier row in the graph.
     */
    void add(Object key, Map<String, Object> row) {
        if (!keys.add(key)) {
            flush();
            keys.add(key);
        }
        add(row);
    }

    List<Map<String, Object>> pending() {
        return rows;
    }

    void flush() {
        var batch = rows;
        rows = new ArrayList<>();
        keys.clear();
        sink.accept(batch);
    }
}
