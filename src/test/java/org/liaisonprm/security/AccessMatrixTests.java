package org.liaisonprm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.junit.jupiter.api.Test;
import org.liaisonprm.DemoGraphTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix of docs/security.md, row by row, for every role and for anonymous callers: views
 * through Vaadin's own access check, API endpoints over real HTTP with the demo users.
 */
@DemoGraphTest
class AccessMatrixTests {

    private static final List<String> COLUMNS = List.of("anonymous", "ADMIN", "MANAGER", "ANALYST", "LIAISON", "VIEWER");
    private static final Map<String, String> USER_OF = Map.of("ADMIN", "admin", "MANAGER", "manager",
            "ANALYST", "analyst", "LIAISON", "liaison1", "VIEWER", "viewer");
    private static final String ADMIN_PASSWORD = "test-admin-secret";
    private static final String DEMO_PASSWORD = "test-demo-secret";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Row(String where, Map<String, Boolean> allowed) {
    }

    static List<Row> matrix() throws Exception {
        String doc = Files.readString(Path.of("docs/security.md"));
        String table = doc.substring(doc.indexOf("## Access matrix"));
        table = table.substring(0, table.indexOf("\n## ", 5));
        var rows = new ArrayList<Row>();
        for (String line : table.lines().toList()) {
            if (!line.startsWith("| view `") && !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            var allowed = new HashMap<String, Boolean>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String cell = cells[i + 2].strip();
                assertThat(cell).as(line).isIn("✓", "–");
                allowed.put(COLUMNS.get(i), cell.equals("✓"));
            }
            rows.add(new Row(cells[1].strip().replace("`", ""), allowed));
        }
        return rows;
    }

    @Test
    void everyViewAllowsExactlyTheDocumentedRoles() throws Exception {
        Map<String, Class<?>> routes = routes();
        var documented = new TreeSet<String>();
        var checker = new AccessAnnotationChecker();
        for (Row row : matrix()) {
            if (!row.where().startsWith("view ")) {
                continue;
            }
            String path = row.where().substring("view /".length()).split(" ")[0];
            documented.add(path);
            Class<?> view = routes.get(path);
            assertThat(view).as("a view for " + path).isNotNull();
            for (String column : COLUMNS) {
                var principal = column.equals("anonymous") ? null : UsernamePasswordAuthenticationToken.authenticated(
                        USER_OF.get(column), null, List.of(new SimpleGrantedAuthority("ROLE_" + column)));
                boolean allowed = checker.hasAccess(view, principal, role -> role.equals(column));
                assertThat(allowed).as(column + " on /" + path).isEqualTo(row.allowed().get(column));
            }
        }
        assertThat(documented).as("every view is in the matrix").containsExactlyInAnyOrderElementsOf(routes.keySet());
    }

    @Test
    void everyEndpointAnswersExactlyTheDocumentedRoles() throws Exception {
        var documented = new TreeSet<String>();
        for (Row row : matrix()) {
            if (row.where().startsWith("view ")) {
                continue;
            }
            String method = row.where().substring(0, row.where().indexOf(' '));
            String template = row.where().substring(method.length() + 1);
            documented.add(method + " " + template);
            boolean changesAReport = (method.equals("PUT") || method.equals("DELETE"));
            String path = template.replace("{id}", changesAReport ? "no-such-saved-report" : "payer-mix")
                    + (template.equals("/api/network/neighbourhood") ? "?focus=229011&hops=2" : "");
            String body = switch (method + " " + template) {
                case "POST /api/reports" -> "{\"source\": \"\"}";
                case "PUT /api/reports/{id}" -> "{\"source\": \"// @title x\\nRETURN 1\"}";
                case "POST /api/query" -> "{\"cypher\": \"RETURN 1 AS one\"}";
                case "POST /api/reports/{id}/run" -> "{}";
                default -> null;
            };
            for (String column : COLUMNS) {
                String user = USER_OF.get(column);
                int status = send(method, path, body, user).statusCode();
                String what = column + " " + method + " " + path + " answered " + status;
                if (row.allowed().get(column)) {
                    assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
                } else {
                    assertThat(status).as(what).isEqualTo(user == null ? 401 : 403);
                }
            }
        }
        Set<String> endpoints = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/") && !p.startsWith("/api/docs"))
                        .flatMap(p -> info.getMethodsCondition().getMethods().stream().map(m -> m.name() + " " + p)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("every API endpoint is in the matrix").containsAll(endpoints);
    }

    private static Map<String, Class<?>> routes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var routes = new HashMap<String, Class<?>>();
        for (var candidate : scanner.findCandidateComponents("org.liaisonprm")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            String path = view.getAnnotation(Route.class).value();
            routes.put(path, view);
        }

        return routes;
    }

    private HttpResponse<String> send(String method, String path, String body, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + (user.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
