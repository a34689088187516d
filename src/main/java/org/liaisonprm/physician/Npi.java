package org.liaisonprm.physician;

/**
 * National Provider Identifier rules: ten digits, the first 1 or 2, the last a Luhn check digit computed
 * over the prefix {@code 80840} followed by the first nine digits.
 */
public final class Npi {

    private static final String PREFIX = "80840";

    private Npi() {
    }

    /** True when the text is a well-formed NPI with the right check digit. */
    public static boolean isValid(String npi) {
        return problem(npi) == null;
    }

    /** Why the text is not a valid NPI, or null when it is one. */
    public static String problem(String npi) {
        if (npi == null || npi.isEmpty()) {
            return "NPI is empty";
        }
        if (npi.length() != 10) {
            return "NPI must have 10 digits, not " + npi.length();
        }
        for (int i = 0; i < npi.length(); i++) {
            if (!Character.isDigit(npi.charAt(i)) || npi.charAt(i) > '9') {
                return "NPI must contain digits only";
            }
        }
        if (npi.charAt(0) != '1' && npi.charAt(0) != '2') {
            return "NPI must start with 1 or 2";
        }
        if (checkDigit(npi.substring(0, 9)) != npi.charAt(9) - '0') {
            return "NPI check digit is wrong";
        }
        return null;
    }

    /** The check digit for the first nine digits of an NPI. */
    public static int checkDigit(String firstNine) {
        String digits = PREFIX + firstNine;
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /** The full NPI for nine leading digits. */
    public static String withCheckDigit(String firstNine) {
        return firstNine + checkDigit(firstNine);
    }
}
