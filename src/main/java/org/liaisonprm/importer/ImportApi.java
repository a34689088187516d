package org.liaisonprm.importer;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liaisonprm.base.ApiError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports over HTTP for administrators: {@code POST /api/imports} (multipart {@code file}, {@code format},
 * options as further fields) starts one and answers its id; {@code GET /api/imports/{id}} its status,
 * progress and counts; {@code GET /api/imports/{id}/errors.csv} its error report, for as long as the import is
 * in the history (after a restart too). An id of no such import, or not of the form the start answers, is 404.
 */
@RestController
@Tag(name = "Imports", description = "Load NPPES, CMS and claims files (administrators)")
class ImportApi {

    private final ImportJobs jobs;
    private final SecurityContextHolderStrategy security;

    ImportApi(ImportJobs jobs, ObjectProvider<SecurityContextHolderStrategy> security) {
        this.jobs = jobs;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    record Started(String id, String status) {
    }

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start an import: multipart file, format (default auto) and options (state, period, from, to, "
            + "window-days, min-transactions, max-day-wait, unknown-npi); answers 202 with the import's id")
    ResponseEntity<?> start(@RequestParam("file") MultipartFile file,
                            @RequestParam(defaultValue = "auto") String format,
                            @RequestParam Map<String, String> fields) throws IOException {
        ImportFormat chosen = ImportFormat.byId(format).orElse(null);
        if (chosen == null || chosen == ImportFormat.SYNTHEA) {
            return ApiError.answer(HttpStatus.BAD_REQUEST, chosen == null ? "Unknown format " + format
                    : "A Synthea export is a directory: import it from the command line", "format");
        }
        ImportOptions options;
        try {
            options = ImportOptions.fromFields(fields);
        } catch (ImportRefusedException e) {
            return ApiError.answer(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        var kept = jobs.keep(file.getOriginalFilename(), file.getInputStream());
        var authentication = security.getContext().getAuthentication();
        String id = jobs.start(chosen, kept, kept.getFileName().toString(), options,
                authentication == null ? null : authentication.getName());
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + id)).body(new Started(id, "QUEUED"));
    }

    @GetMapping("/api/imports/{id}")
    @Operation(summary = "An import's status (QUEUED, RUNNING, DONE, REFUSED, FAILED, INTERRUPTED), progress and counts")
    ResponseEntity<ImportStatus> status(@PathVariable String id) {
        return ResponseEntity.ok(jobs.status(id).orElseThrow(() -> new NoSuchElementException("No import with the id " + id)));
    }

    @GetMapping("/api/imports/{id}/errors.csv")
    @Operation(summary = "The refused rows of an import: file,line,column,value,reason; kept while the import is in the history")
    ResponseEntity<Resource> errors(@PathVariable String id) {
        return jobs.errorReport(id)
                .map(path -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"errors.csv\"")
                        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .body((Resource) new FileSystemResource(path)))
                .orElseThrow(() -> new NoSuchElementException("No error report for an import with the id " + id));
    }
}
