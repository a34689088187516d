package org.liaisonprm.importer;

import java.time.ZonedDateTime;

/**
 * An import as the API, the view and the history show it.
 *
 * @param status   {@code QUEUED}, {@code RUNNING}, {@code DONE}, {@code REFUSED} (the whole file), {@code FAILED}
 *                 or {@code INTERRUPTED} (the process stopped during it)
 * @param progress how far through the file, between 0 and 1
 * @param message  why the file was refused or the import failed
 */
public record ImportStatus(String id, String format, String file, String username, String status, double progress,
                           ImportSummary summary, String message, ZonedDateTime startedAt, Long durationMs) {

    public boolean finished() {
        return !status.equals("QUEUED") && !status.equals("RUNNING");
    }
}
