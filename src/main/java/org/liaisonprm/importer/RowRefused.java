package org.liaisonprm.importer;

/**
 * A row breaks a rule: which column, the value found and why it is refused. Thrown while a row is
 * checked, caught by the importer, which writes it to the error report and goes on with the next row.
 */
final class RowRefused extends RuntimeException {

    private final String column;
    private final String value;

    RowRefused(String column, String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
    }

    String column() {
        return column;
    }

    String value() {
        return value;
    }
}
