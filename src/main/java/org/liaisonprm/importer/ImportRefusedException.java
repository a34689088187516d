package org.liaisonprm.importer;

/**
 * The whole file is refused before anything is written: unknown format, unreadable or empty file, not
 * CSV, missing required columns, missing options.
 */
public class ImportRefusedException extends RuntimeException {

    public ImportRefusedException(String message) {
        super(message);
    }

    public ImportRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
