package org.liaisonprm.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.liaisonprm.bench.LoadMix.Endpoint;
import org.liaisonprm.bench.LoadMix.User;

/**
 * {@code java -jar liaison.jar bench load --password=… [--url=…] [--users=50] [--seconds=60]
 * [--warmup-seconds=10]}: drives a running Liaison server that holds the demo region with a team of API clients — liaisons, analysts and
 * viewers ({@link LoadMix}) — and prints requests/s and latency percentiles per endpoint (docs/benchmarks.md).
 * <p>
 * Closed loop: each user has a thread of its own and sends its next request when the last one answered, so the
 * load is what the server takes at that many users, not a rate chosen beforehand. Requests sent during the
 * warm-up are not counted; those in flight at the end are waited for and counted, and requests/s divides by the
 * time from the end of the warm-up until the last answer.
 */
public final class LoadBenchmark {

    private static final int FOCUSES = 100;
    private static final String FOCUS_ACCOUNT = "analyst";

    private LoadBenchmark() {
    }

    /** The counted requests and the seconds they took. */
    private record Measured(LoadTally tally, double seconds) {
    }

    /** Runs the command; returns the exit code: 0 run completed, 1 setup failed, 2 refused arguments. */
    public static int run(String[] args, PrintStream out) throws InterruptedException {
        if (LoadSettings.wantsHelp(args)) {
            out.println(LoadSettings.usage());
            return 0;
        }
        LoadSettings settings;
        try {
            settings = LoadSettings.parse(args, System.getenv());
        } catch (LoadSettings.Refused e) {
            out.println(e.getMessage() + "\nSee bench load --help.");
            return 2;
        }
        List<User> users = LoadMix.assign(settings.users());
        printSettings(out, settings, users);
        var client = new LoadClient(settings.url(), settings.password());
        var tokens = new RunTokens(client, out);
        // Ctrl-C skips the finally below; the tokens would otherwise outlive the run
        Runtime.getRuntime().addShutdownHook(new Thread(tokens::revokeAll, "load-benchmark-revoke"));
        try {
            List<String> focuses = client.focusNpis(FOCUS_ACCOUNT, FOCUSES);
            out.printf("focus NPIs: %d (column %s of %s, run as %s)%n", focuses.size(), LoadClient.FOCUS_COLUMN,
                    LoadClient.FOCUS_REPORT, FOCUS_ACCOUNT);
            var authorization = new LinkedHashMap<User, String>();
            for (User user : users) {
                authorization.put(user, user.basic() ? client.basic(user.account())
                        : "Bearer " + tokens.secretFor(user.account()));
            }
            out.printf("API tokens: %d created for the run (%s)%n", tokens.count(), tokens.accounts());
            out.printf("warming up %d s, then measuring %d s%n", settings.warmupSeconds(), settings.seconds());
            print(out, drive(settings, client, authorization, focuses));
            return 0;
        } catch (LoadClient.SetupFailed e) {
            out.println("Setup failed: " + e.getMessage());
            return 1;
        } finally {
            tokens.revokeAll();
        }
    }

    private static void printSettings(PrintStream out, LoadSettings settings, List<User> users) {
        Map<LoadMix.Kind, Long> kinds = users.stream()
                .collect(Collectors.groupingBy(User::kind, Collectors.counting()));
        long basic = users.stream().filter(User::basic).count();
        Runtime runtime = Runtime.getRuntime();
        out.println("Load benchmark");
        out.println("url: " + settings.url());
        out.printf("users: %d (liaisons %d, analysts %d, viewers %d)%n", users.size(),
                kinds.getOrDefault(LoadMix.Kind.LIAISON, 0L), kinds.getOrDefault(LoadMix.Kind.ANALYST, 0L),
                kinds.getOrDefault(LoadMix.Kind.VIEWER, 0L));
        out.printf("sign-in: HTTP Basic %d, API token %d%n", basic, users.size() - basic);
        out.printf("seconds: %d measured after a %d s warm-up; %d s limit per request%n", settings.seconds(),
                settings.warmupSeconds(), LoadClient.TIMEOUT.toSeconds());
        out.printf("client: %d available processors, max heap %d MB, Java %s%n", runtime.availableProcessors(),
                runtime.maxMemory() >> 20, System.getProperty("java.version"));
    }

    /** Every user on a thread of its own until the time is up; their tallies added up. */
    private static Measured drive(LoadSettings settings, LoadClient client, Map<User, String> authorization,
                                  List<String> focuses) throws InterruptedException {
        long measuredFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
        long until = measuredFrom + TimeUnit.SECONDS.toNanos(settings.seconds());
        var numbered = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(authorization.size(), task -> {
            var thread = new Thread(task, "load-user-" + numbered.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            var running = new ArrayList<Future<LoadTally>>();
            authorization.forEach((user, credentials) -> running.add(pool.submit(
                    () -> simulate(user, credentials, client, focuses, measuredFrom, until))));
            var tally = new LoadTally();
            for (var finished : running) {
                tally.add(finished.get());
            }
            return new Measured(tally, (System.nanoTime() - measuredFrom) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A simulated user stopped", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static LoadTally simulate(User user, String authorization, LoadClient client, List<String> focuses,
                                      long measuredFrom, long until) throws InterruptedException {
        var tally = new LoadTally();
        Random random = user.random();
        for (long sent = System.nanoTime(); sent - until < 0; sent = System.nanoTime()) {
            Endpoint endpoint = user.kind().next(random);
            String focus = endpoint.needsFocus() ? focuses.get(random.nextInt(focuses.size())) : null;
            LoadClient.Answer answer = client.send(endpoint, focus, authorization);
            long answered = System.nanoTime();
            if (sent - measuredFrom >= 0) {
                tally.answered(endpoint, user.basic(), answered - sent, answer.error(), answer.body(), answered);
            }
        }
        return tally;
    }

    private static void print(PrintStream out, Measured measured) {
        out.printf(Locale.ROOT, "%nmeasured: %.1f s from the end of the warm-up until the last answer; "
                + "latencies of every counted request, errors included%n%n", measured.seconds());
        String format = "| %-50s | %8s | %6s | %10s | %8s | %8s | %8s |%n";
        out.printf(format, "endpoint", "requests", "errors", "requests/s", "p50 ms", "p95 ms", "p99 ms");
        out.printf("|%s|%s:|%s:|%s:|%s:|%s:|%s:|%n", "-".repeat(52), "-".repeat(9), "-".repeat(7), "-".repeat(11),
                "-".repeat(9), "-".repeat(9), "-".repeat(9));
        for (LoadTally.Row row : measured.tally().rows(measured.seconds())) {
            out.printf(format, row.name(), row.count(), row.errors(), decimal(row.perSecond()), decimal(row.p50()),
                    decimal(row.p95()), decimal(row.p99()));
        }
        var errors = measured.tally().errors();
        if (errors.isEmpty()) {
            out.printf("%nerrors: none%n");
            return;
        }
        out.printf("%nerrors by status:%n");
        for (LoadTally.Errors status : errors) {
            out.printf("  %s: %d; first body: %s%n", status.status(), status.count(), status.firstBody());
        }
    }

    /** One decimal, a point whatever the locale; "-" for a percentile of no request. */
    private static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
