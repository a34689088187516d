package org.liaisonprm.physician;

import java.util.Arrays;
import java.util.Optional;

import org.liaisonprm.base.Labelled;

/**
 * Common physician specialties with their NUCC taxonomy code and the service line they belong to.
 */
public enum Specialty implements Labelled {
    FAMILY_MEDICINE("207Q00000X", "Family Medicine", ServiceLine.PRIMARY_CARE),
    INTERNAL_MEDICINE("207R00000X", "Internal Medicine", ServiceLine.PRIMARY_CARE),
    ORTHOPAEDIC_SURGERY("207X00000X", "Orthopaedic Surgery", ServiceLine.ORTHOPEDICS),
    CARDIOVASCULAR_DISEASE("207RC0000X", "Cardiovascular Disease", ServiceLine.CARDIOLOGY),
    MEDICAL_ONCOLOGY("207RX0202X", "Medical Oncology", ServiceLine.ONCOLOGY),
    NEUROLOGY("2084N0400X", "Neurology", ServiceLine.NEUROSCIENCES),
    NEUROLOGICAL_SURGERY("207T00000X", "Neurological Surgery", ServiceLine.NEUROSCIENCES),
    GENERAL_SURGERY("208600000X", "General Surgery", ServiceLine.GENERAL_SURGERY),
    OBSTETRICS_GYNECOLOGY("207V00000X", "Obstetrics & Gynecology", ServiceLine.WOMENS_HEALTH),
    DIAGNOSTIC_RADIOLOGY("2085R0202X", "Diagnostic Radiology", ServiceLine.IMAGING),
    GASTROENTEROLOGY("207RG0100X", "Gastroenterology", ServiceLine.GASTROENTEROLOGY),
    UROLOGY("208800000X", "Urology", ServiceLine.UROLOGY),
    PSYCHIATRY("2084P0800X", "Psychiatry", ServiceLine.BEHAVIORAL_HEALTH);

    private final String taxonomyCode;
    private final String label;
    private final ServiceLine serviceLine;

    Specialty(String taxonomyCode, String label, ServiceLine serviceLine) {
        this.taxonomyCode = taxonomyCode;
        this.label = label;
        this.serviceLine = serviceLine;
    }

    public String taxonomyCode() {
        return taxonomyCode;
    }

    @Override
    public String label() {
        return label;
    }

    public ServiceLine serviceLine() {
        return serviceLine;
    }

    public boolean isPrimaryCare() {
        return serviceLine == ServiceLine.PRIMARY_CARE;
    }

    public static Optional<Specialty> byTaxonomyCode(String code) {
        return Arrays.stream(values()).filter(s -> s.taxonomyCode.equalsIgnoreCase(code)).findFirst();
    }
}
