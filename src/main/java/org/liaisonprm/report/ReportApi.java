package org.liaisonprm.report;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.liaisonprm.audit.AuditUnavailableException;
import org.liaisonprm.base.ApiError;
import org.liaisonprm.base.Csv;
import org.liaisonprm.base.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report library over HTTP: list, run (JSON or CSV), save and version reports, and ad-hoc read-only
 * Cypher.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Reports", description = "Saved Cypher reports and ad-hoc read-only queries")
class ReportApi {

    private final ReportLibrary library;
    private final SavedReports saved;
    private final ReportRunner runner;

    private final SecurityContextHolderStrategy security;

    /**
     * @param security the strategy the security filter chain stored the caller in; the static holder may
     *                 belong to another application context when several share a JVM
     */
    ReportApi(ReportLibrary library, SavedReports saved, ReportRunner runner,
              ObjectProvider<SecurityContextHolderStrategy> security) {
        this.library = library;
        this.saved = saved;
        this.runner = runner;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    private CurrentUser caller() {
        return CurrentUser.of(security.getContext().getAuthentication());
    }

    record ParameterJson(String name, String type, String defaultValue, List<ReportRunner.Choice> choices) {
    }

    record SavedJson(String owner, boolean shared, int version, ZonedDateTime updatedAt, String updatedBy,
                     String source) {
    }

    /** A declared column: its machine name (as in a run's {@code columns}), its label and its format. */
    record ColumnJson(String name, String label, String format) {
    }

    record ReportJson(String id, String title, String description, String category, String view,
                      List<ParameterJson> parameters, List<ColumnJson> columns, SavedJson saved) {
    }

    record SaveRequest(String source, Boolean shared) {
    }

    record RunRequest(Map<String, Object> params) {
    }

    record QueryRequest(String cypher, Map<String, Object> params, Integer timeoutSeconds) {
    }

    @GetMapping("/reports")
    @Operation(summary = "The report library, with each report's parameters, types, defaults and choices")
    List<ReportJson> reports() {
        return library.all(caller()).stream().map(this::describe).toList();
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "One report, built-in or saved")
    ReportJson report(@PathVariable String id) {
        return describe(library.find(id, caller())
                .orElseThrow(() -> new NoSuchElementException("No report with the id " + id)));
    }

    @PostMapping("/reports")
    @Operation(summary = "Save a report (analysts and administrators): body {\"source\": \"// @title ...\", "
            + "\"shared\": false} where source is a report file's text")
    ResponseEntity<ReportJson> create(@RequestBody SaveRequest request) {
        var report = saved.create(request.source(), Boolean.TRUE.equals(request.shared()), caller());
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(report));
    }

    @PutMapping("/reports/{id}")
    @Operation(summary = "Change a saved report (its owner or an administrator); the old text becomes a version")
    ReportJson update(@PathVariable String id, @RequestBody SaveRequest request) {
        var user = caller();
        boolean shared = request.shared() != null ? request.shared()
                : library.find(id, user).filter(ReportDefinition::isSaved).map(r -> r.saved().shared()).orElse(false);
        return describe(saved.update(id, request.source(), shared, user));
    }

    @DeleteMapping("/reports/{id}")
    @Operation(summary = "Delete a saved report with its versions (its owner or an administrator)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        saved.delete(id, caller());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/reports/{id}/versions")
    @Operation(summary = "Earlier versions of a saved report, newest first")
    List<SavedReports.Version> versions(@PathVariable String id) {
        return saved.versions(id, caller());
    }

    @PostMapping("/reports/{id}/run")
    @Operation(summary = "Run a report; body {\"params\": {...}}")
    ReportResult run(@PathVariable String id, @RequestBody(required = false) RunRequest request) {
        return library.run(id, request == null || request.params() == null ? Map.of() : request.params(),
                caller());
    }

    @GetMapping("/reports/{id}/run.csv")
    @Operation(summary = "Run a report with parameters from the query string and download the result as CSV")
    void runCsv(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletResponse response)
            throws Exception {
        ReportResult result = library.run(id, params, caller());
        library.exported(id, result.rows().size());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + id + ".csv\"");
        try (var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            ReportColumn.csv(new Csv(out), ReportColumn.of(library.find(id, caller()).orElse(null), result), result);
        }
    }

    @PostMapping("/query")
    @Operation(summary = "Run ad-hoc read-only Cypher (analysts and administrators)")
    ReportResult query(@RequestBody QueryRequest request) {
        Duration timeout = request.timeoutSeconds() == null ? null : Duration.ofSeconds(request.timeoutSeconds());
        return library.query(request.cypher(), request.params(), timeout, caller());
    }

    private ReportJson describe(ReportDefinition report) {
        var parameters = report.parameters().stream()
                .map(p -> new ParameterJson(p.name(), p.type().label(), p.defaultValue(),
                        p.choicesQuery() != null || !p.type().values().isEmpty() ? runner.choices(report, p, caller()) : null))
                .toList();
        var saved = report.saved();
        var columns = report.columns().stream().map(c -> new ColumnJson(c.name(), c.label(), c.format() == null ? null
                : c.format() == ReportColumn.Format.CODE ? c.kind() : c.format().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return new ReportJson(report.id(), report.title(), report.description(), report.category(),
                report.view().name().toLowerCase(), parameters, columns, saved == null ? null
                : new SavedJson(saved.owner(), saved.shared(), saved.version(), saved.updatedAt(), saved.updatedBy(),
                        saved.source()));
    }

    @ExceptionHandler(ReportFile.ReportFileException.class)
    ResponseEntity<ApiError> badReport(ReportFile.ReportFileException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return ApiError.answer(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler(ReportParameterException.class)
    ResponseEntity<ApiError> badParameter(ReportParameterException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter());
    }

    @ExceptionHandler(QueryRefusedException.class)
    ResponseEntity<ApiError> refused(QueryRefusedException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ApiError> timeout(QueryTimeoutException e) {
        return ApiError.answer(HttpStatus.REQUEST_TIMEOUT, e.getMessage(), null);
    }

    @ExceptionHandler(QueryTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(QueryTooLargeException e) {
        return ApiError.answer(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(QueryBusyException.class)
    ResponseEntity<ApiError> busy(QueryBusyException e) {
        return ApiError.answer(e.serverFull() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS,
                e.getMessage(), null);
    }

    @ExceptionHandler(AuditUnavailableException.class)
    ResponseEntity<ApiError> unaudited(AuditUnavailableException e) {
        return ApiError.answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> notFound(NoSuchElementException e) {
        return ApiError.answer(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }
}
