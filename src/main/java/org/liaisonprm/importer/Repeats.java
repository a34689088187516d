package org.liaisonprm.importer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * The rows of one statement that a dry run has sent, by the key the statement MERGEs on and whose
 * {@code importId} marks a repeat (an NPI, a pair of NPIs, a facility id…): a real import finds them in
 * the graph, a dry run here. Numbers are kept as primitives, about 16 bytes each; other keys as objects.
 * Rows with one key always go to one writer, but writers share this.
 */
final class Repeats {

    /** The keys of a batch's rows, in order, by which a statement recognises a repeated row. */
    @FunctionalInterface
    interface Key {
        /** May read the graph: in a dry run it runs in the batch's transaction, before the write. */
        List<Object> keys(List<Map<String, Object>> rows);

        /** A key computed from each row alone. */
        static Key of(Function<Map<String, Object>, Object> key) {
            return rows -> rows.stream().map(key).toList();
        }
    }

    private final Key key;
    private final LongHashSet numbers = new LongHashSet();
    private final Set<Object> others = new HashSet<>();

    Repeats(Key key) {
        this.key = key;
    }

    List<Object> keys(List<Map<String, Object>> rows) {
        return key.keys(rows);
    }

    synchronized boolean seen(Object key) {
        return key instanceof Long number ? numbers.contains(number) : others.contains(key);
    }

    synchronized void remember(List<Object> keys) {
        for (Object k : keys) {
            if (k instanceof Long number) {
                numbers.add(number);
            } else {
                others.add(k);
            }
        }
    }
}
