package org.liaisonprm.report;

/**
 * A parameter value that does not fit its report: names the parameter and says why.
 */
public class ReportParameterException extends IllegalArgumentException {

    private final String parameter;

    ReportParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
