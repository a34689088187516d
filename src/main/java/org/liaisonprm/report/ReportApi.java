package org.liaisonprm.report;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.liaisonprm.base.Csv;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report library over HTTP: list, run (JSON or CSV) and ad-hoc read-only Cypher.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Reports", description = "Saved Cypher reports and ad-hoc read-only queries")
class ReportApi {

    private final ReportCatalog catalog;
    private final ReportRunner runner;

    ReportApi(ReportCatalog catalog, ReportRunner runner) {
        this.catalog = catalog;
        this.runner = runner;
    }

    record ParameterJson(String name, String type, String defaultValue, List<ReportRunner.Choice> choices) {
    }

    record ReportJson(String id, String title, String description, String category, String view,
                      List<ParameterJson> parameters) {
    }

    record RunRequest(Map<String, Object> params) {
    }

    record QueryRequest(String cypher, Map<String, Object> params, Integer timeoutSeconds) {
    }

    record ErrorJson(String error, String parameter) {
    }

    @GetMapping("/reports")
    @Operation(summary = "The report library, with each report's parameters, types, defaults and choices")
    List<ReportJson> reports() {
        return catalog.all().stream().map(this::describe).toList();
    }

    @PostMapping("/reports/{id}/run")
    @Operation(summary = "Run a report; body {\"params\": {...}}")
    ReportResult run(@PathVariable String id, @RequestBody(required = false) RunRequest request) {
        return runner.run(id, request == null || request.params() == null ? Map.of() : request.params());
    }

    @GetMapping("/reports/{id}/run.csv")
    @Operation(summary = "Run a report with parameters from the query string and download the result as CSV")
    void runCsv(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletResponse response)
            throws Exception {
        ReportResult result = runner.run(id, params);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + id + ".csv\"");
        try (var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            var csv = new Csv(out).row(result.columns());
            result.rows().forEach(csv::row);
        }
    }

    @PostMapping("/query")
    @Operation(summary = "Run ad-hoc read-only Cypher (analysts and administrators)")
    ReportResult query(@RequestBody QueryRequest request) {
        Duration timeout = request.timeoutSeconds() == null ? null : Duration.ofSeconds(request.timeoutSeconds());
        return runner.query(request.cypher(), request.params(), timeout);
    }

    private ReportJson describe(ReportDefinition report) {
        var parameters = report.parameters().stream()
                .map(p -> new ParameterJson(p.name(), p.type().label(), p.defaultValue(),
                        p.choicesQuery() != null || !p.type().values().isEmpty() ? runner.choices(p) : null))
                .toList();
        return new ReportJson(report.id(), report.title(), report.description(), report.category(),
                report.view().name().toLowerCase(), parameters);
    }

    @ExceptionHandler(ReportParameterException.class)
    ResponseEntity<ErrorJson> badParameter(ReportParameterException e) {
        return ResponseEntity.badRequest().body(new ErrorJson(e.getMessage(), e.parameter()));
    }

    @ExceptionHandler(QueryRefusedException.class)
    ResponseEntity<ErrorJson> refused(QueryRefusedException e) {
        return ResponseEntity.badRequest().body(new ErrorJson(e.getMessage(), null));
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ErrorJson> timeout(QueryTimeoutException e) {
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).body(new ErrorJson(e.getMessage(), null));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ErrorJson> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorJson(e.getMessage(), null));
    }
}
