package org.liaisonprm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Request bodies have limits, over real HTTP: 64 KiB for callers who have not signed in (refused before
 * anything reads the body), and here 256 KiB for JSON and 1 MiB for uploads from signed-in callers, so
 * that the tests stay small.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liaison.demo.enabled=false", "liaison.security.request-size.json=256KB",
        "liaison.security.request-size.upload=1MB"})
@ActiveProfiles("test")
class RequestSizeTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "size-test-boundary";
    private static final Path SPOOL = spool();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Multipart parts go to a folder of this test's own, so that the test can see whether any were written. */
    @DynamicPropertySource
    static void multipartLocation(DynamicPropertyRegistry registry) {
        registry.add("spring.servlet.multipart.location", SPOOL::toString);
    }

    private static Path spool() {
        try {
            return Files.createTempDirectory("liaison-multipart");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLargeAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        // declares 10 MB, sends the first 256 KiB of a file part and waits: nothing may wait for the rest
        String head = "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary="
                + BOUNDARY + "\r\nContent-Length: 10000000\r\n\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"username\"; filename=\"big.csv\"\r\n\r\n";
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[256 * 1024]);
            out.flush();
            String response;
            try {
                response = new String(readHead(socket.getInputStream()), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer while the body was incomplete; spooled meanwhile: " + spooled(), e);
            }
            assertThat(response).startsWith("HTTP/1.1 413");
        }
        assertThat(spooled()).as("nothing spooled to disk").isEmpty();
    }

    @Test
    void anonymousBodiesAboveTheLimitAreRefusedWhateverTheirType() throws Exception {
        byte[] form = ("username=someone&password=" + "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        var login = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(login.body()).path("error").asText()).contains("64KB");

        var query = http.send(HttpRequest.newBuilder(uri("/api/query")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(70_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(query.statusCode()).as("refused for its size before it is refused for its caller").isEqualTo(413);

        // a body of unknown length (chunked) is counted as it arrives
        var chunked = http.send(HttpRequest.newBuilder(uri("/some/view")).header("Content-Type", "application/json")
                .POST(chunked(json(70_000).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        var chunkedForm = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(chunked("username=a&password=b".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedForm.statusCode()).as("a form the server would parse itself must declare its length").isEqualTo(411);

        var small = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-secret")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as("a login is well below the limit").isEqualTo(302);
        assertThat(small.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void signedInUploadsKeepTheirOwnLimit() throws Exception {
        byte[] underTheLimit = csv(900 * 1024);
        var started = http.send(importRequest(HttpRequest.BodyPublishers.ofByteArray(multipart(underTheLimit))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

        byte[] overTheLimit = multipart(csv(1100 * 1024));
        var declared = http.send(importRequest(HttpRequest.BodyPublishers.ofByteArray(overTheLimit)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(JSON.readTree(declared.body()).path("error").asText()).contains("1MB");

        var streamed = http.send(importRequest(chunked(overTheLimit)), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(streamed.body()).path("error").asText()).contains("1MB");

        // a signed-in page session gets the upload limit, not the anonymous one
        String session = logIn();
        var fromSession = http.send(HttpRequest.newBuilder(uri("/import")).header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromSession.statusCode()).isNotEqualTo(413);
    }

    @Test
    void signedInJsonHasItsOwnLimit() throws Exception {
        var fits = http.send(HttpRequest.newBuilder(uri("/api/query")).header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\": \"RETURN 1 AS one\", \"pad\": \"" + "x".repeat(100_000) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);

        var declared = http.send(HttpRequest.newBuilder(uri("/api/query")).header("Authorization", basic())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(300_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(declared.body()).path("error").asText()).contains("256KB");

        var streamed = http.send(HttpRequest.newBuilder(uri("/api/query")).header("Authorization", basic())
                .header("Content-Type", "application/json").POST(chunked(json(300_000).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        var streamedFits = http.send(HttpRequest.newBuilder(uri("/api/query")).header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(chunked("{\"cypher\": \"RETURN 1 AS one\"}".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamedFits.statusCode()).as(streamedFits.body()).isEqualTo(200);
    }

    private String logIn() throws Exception {
        var login = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-secret")).build(),
                HttpResponse.BodyHandlers.ofString());
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpRequest importRequest(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri("/api/imports")).header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body).build();
    }

    /** A multipart body with the format and one file. */
    private static byte[] multipart(byte[] file) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nhop-teaming\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hop.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A hop-teaming file of about this many bytes. */
    private static byte[] csv(int size) {
        var text = new StringBuilder("from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait\n");
        while (text.length() < size) {
            text.append("1234567893,1558598797,11,60,12.5,3.1\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String json(int size) {
        return "{\"cypher\": \"RETURN 1\", \"pad\": \"" + "x".repeat(size) + "\"}";
    }

    /** A body sent without a Content-Length (chunked). */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> spooled() throws IOException {
        try (var files = Files.walk(SPOOL)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The status line and headers of an HTTP response. */
    private static byte[] readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] so = head.toByteArray();
            int n = so.length;
            if (n >= 4 && so[n - 4] == '\r' && so[n - 3] == '\n' && so[n - 2] == '\r' && so[n - 1] == '\n') {
                break;
            }
        }
        return head.toByteArray();
    }
}
