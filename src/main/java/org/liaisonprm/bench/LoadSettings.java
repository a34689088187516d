package org.liaisonprm.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code bench load} was asked to do. The server must be on this machine: a load benchmark pointed at
 * someone else's server is an attack on it, so any host that does not resolve to loopback only is refused.
 *
 * @param url      the server's base address, without a trailing slash
 * @param password the demo accounts' shared password; never printed
 */
record LoadSettings(String url, int users, int seconds, int warmupSeconds, String password) {

    static final String PASSWORD_VARIABLE = "LIAISON_BENCH_PASSWORD";

    private static final Set<String> OPTIONS = Set.of("url", "users", "seconds", "warmup-seconds", "password");

    /** Arguments the command refuses; the message says what to change. */
    static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /** The settings in {@code args} ({@code --name=value}), the password from {@code environment} when not given. */
    static LoadSettings parse(String[] args, Map<String, String> environment) {
        var options = new HashMap<String, String>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !OPTIONS.contains(name)) {
                // only the name: a misspelt --password= would otherwise print the password
                throw new Refused("Unknown argument " + (equals > 0 ? arg.substring(0, equals) : arg)
                        + "; bench load takes "
                        + OPTIONS.stream().sorted().map(o -> "--" + o + "=…").collect(Collectors.joining(", ")));
            }
            options.put(name, arg.substring(equals + 1));
        }
        String url = loopback(options.getOrDefault("url", "http://127.0.0.1:8080"));
        int users = number(options, "users", 50, 1, 200);
        int seconds = number(options, "seconds", 60, 1, 600);
        int warmupSeconds = number(options, "warmup-seconds", 10, 0, 120);
        String password = options.getOrDefault("password", environment.get(PASSWORD_VARIABLE));
        if (password == null || password.isBlank()) {
            throw new Refused("Give the demo accounts' password with --password=… or the environment variable "
                    + PASSWORD_VARIABLE + " (the server's liaison.demo.users-password)");
        }
        return new LoadSettings(url, users, seconds, warmupSeconds, password);
    }

    private static int number(Map<String, String> options, String name, int byDefault, int min, int max) {
        String text = options.get(name);
        if (text == null) {
            return byDefault;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, with the range
        }
        throw new Refused("--" + name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }

    /** {@code text} without a trailing slash, when it is an http(s) address whose host resolves to loopback only. */
    static String loopback(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new Refused("--url is not an address: " + e.getMessage());
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new Refused("--url must look like http://127.0.0.1:8080, not '" + text + "'");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("--url: " + uri.getHost() + " does not resolve; " + onlyHere());
        }
        var elsewhere = Arrays.stream(addresses).filter(a -> !a.isLoopbackAddress())
                .map(InetAddress::getHostAddress).toList();
        if (!elsewhere.isEmpty()) {
            throw new Refused("--url: " + uri.getHost() + " resolves to " + String.join(", ", elsewhere)
                    + ", not a loopback address; " + onlyHere());
        }
        String url = uri.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String onlyHere() {
        return "the load benchmark drives a server on this machine only (localhost, 127.0.0.1, [::1])";
    }

    @Override
    public String toString() {
        // the record's own toString would print the password
        return "LoadSettings[url=" + url + ", users=" + users + ", seconds=" + seconds + ", warmupSeconds="
                + warmupSeconds + "]";
    }

    static String usage() {
        return """
                Usage: java -jar liaison.jar bench load --password=PASSWORD [--url=http://127.0.0.1:8080] [--users=50]
                                                        [--seconds=60] [--warmup-seconds=10]

                Drives a running Liaison server that holds the demo region with a team's worth of API clients,
                each sending its next request when the last one answered, and prints requests/s and latency
                percentiles per endpoint (docs/benchmarks.md).

                  --url=URL               the server; its host must resolve to a loopback address
                                          (default http://127.0.0.1:8080)
                  --users=N               simulated users, 1 to 200 (default 50): half liaisons, 3 in 10 analysts,
                                          the rest viewers; about half of each sign in with HTTP Basic, the others
                                          with an API token created for the run and revoked after it
                  --seconds=N             measured seconds, 1 to 600 (default 60)
                  --warmup-seconds=N      seconds of load before measuring, 0 to 120 (default 10); not counted
                  --password=PASSWORD     the demo accounts' shared password (the server's
                                          liaison.demo.users-password); or the environment variable
                                          LIAISON_BENCH_PASSWORD

                Exit codes:
                  0  the run completed (even if some requests failed: see the errors it lists)
                  1  setup failed: the server could not be reached, refused the password, had no physicians to
                     focus on, or could not create an API token
                  2  an unknown or out-of-range argument, a host that is not loopback, or no password""";
    }
}
