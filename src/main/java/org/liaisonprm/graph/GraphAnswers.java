package org.liaisonprm.graph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Answers reused while the graph has not changed: a report's rows, a parameter's choices, a neighbourhood.
 * An answer is kept under the {@linkplain Graph#version() graph version} it was computed at and the key its
 * caller gives, which must hold everything the answer depends on, the caller's visibility included (a
 * liaison's scope, a role); a write advances the version, and nothing computed before it is served again.
 * <p>
 * Callers asking for the same answer at once wait for one computation instead of each running it. Memory is
 * bounded by {@code liaison.cache.max-megabytes}, estimated at {@value #BYTES_PER_CELL} bytes per cell of an
 * answer; the least recently used go first.
 */
@Component
public class GraphAnswers {

    static final int BYTES_PER_CELL = 64;

    private final Graph graph;
    private final boolean enabled;
    private final Cache<Key, Answer> answers;
    private final ConcurrentHashMap<Key, CompletableFuture<Object>> computing = new ConcurrentHashMap<>();
    private final AtomicLong seenVersion = new AtomicLong(-1);
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    GraphAnswers(Graph graph, CacheProperties properties) {
        this.graph = graph;
        this.enabled = properties.enabled() && properties.maxMegabytes() > 0;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, properties.maxMegabytes()) * 1024L * 1024L)
                .weigher((Key key, Answer answer) -> answer.weight())
                .expireAfterWrite(properties.ttl())
                .build();
    }

    /** What the answer is for; {@code key} must be a value (records, lists, maps) with equals and hashCode. */
    private record Key(String kind, long version, Object key) {
    }

    private record Answer(Object value, int weight) {
    }

    /**
     * The answer for {@code key} at the current graph version: reused when there is one, else computed (at most
     * once at a time per key) and kept.
     *
     * @param kind  what is asked for, e.g. {@code "report"}
     * @param cells about how many values the answer holds, for the memory bound
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String kind, Object key, ToLongFunction<? super T> cells, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        long version = graph.version();
        if (seenVersion.getAndSet(version) != version) {
            answers.invalidateAll(); // answers of older versions are never served; free their memory now
        }
        var cacheKey = new Key(kind, version, key);
        Answer kept = answers.getIfPresent(cacheKey);
        if (kept != null) {
            hits.incrementAndGet();
            return (T) kept.value();
        }
        var mine = new CompletableFuture<Object>();
        CompletableFuture<Object> running = computing.putIfAbsent(cacheKey, mine);
        if (running != null) {
            hits.incrementAndGet();
            return (T) await(running);
        }
        misses.incrementAndGet();
        try {
            T value = compute.get();
            long weight = Math.max(1, cells.applyAsLong(value)) * BYTES_PER_CELL;
            answers.put(cacheKey, new Answer(value, (int) Math.min(Integer.MAX_VALUE, weight)));
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(cacheKey, mine);
        }
    }

    /** How often an answer was reused and how often computed, since the start. */
    public record Counts(long hits, long misses, long kept) {
    }

    public Counts counts() {
        return new Counts(hits.get(), misses.get(), answers.estimatedSize());
    }

    private static Object await(CompletableFuture<Object> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
