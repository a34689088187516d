package org.liaisonprm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/liaison.jar}) started as its own process, as a user would.
 */
public final class LiaisonProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "liaison.jar");

    private final String name;
    private final List<String> arguments;
    private final int port;
    private final Path log;
    private Process process;

    public LiaisonProcess(String name, int port, List<String> arguments) {
        this.name = name;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = Path.of("target", "it-logs", name + ".log");
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process and waits until its health endpoint says UP. */
    public LiaisonProcess start(Duration timeout) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw verify, which packages it first");
        }
        Files.createDirectories(log.getParent());
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1500m");
        command.add("-jar");
        command.add(JAR.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitHealthy(timeout);
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    public int stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? -1 : process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not stop within 90 s of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(1, TimeUnit.SECONDS);
        }
        stop();
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }
}
