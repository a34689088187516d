package org.liaisonprm.report;

/**
 * One declared parameter of a report: {@code // @param name: type = default}.
 *
 * @param defaultValue the default as written (may be relative for dates: {@code latest}, {@code latest-12m});
 *                     null when the parameter has none
 * @param choicesQuery a read query whose first column lists the values to choose from, or null
 */
public record ReportParameter(String name, ParameterType type, String defaultValue, String choicesQuery) {

    public ReportParameter withChoicesQuery(String query) {
        return new ReportParameter(name, type, defaultValue, query);
    }
}
