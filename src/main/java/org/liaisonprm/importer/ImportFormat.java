package org.liaisonprm.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The formats the importer reads, by the names the command line, the API and the UI use
 * (docs/import-formats.md).
 */
public enum ImportFormat {
    NPPES("nppes", "NPPES NPI registry", ImportOption.STATE),
    SHARED_PATIENTS("shared-patients", "CMS Physician Shared Patient Patterns", ImportOption.PERIOD, ImportOption.FROM,
            ImportOption.TO, ImportOption.WINDOW_DAYS, ImportOption.UNKNOWN_NPI, ImportOption.ONLY_KNOWN_NPIS),
    HOP_TEAMING("hop-teaming", "DocGraph / CareSet Hop Teaming", ImportOption.PERIOD, ImportOption.FROM, ImportOption.TO,
            ImportOption.MIN_TRANSACTIONS, ImportOption.MAX_DAY_WAIT, ImportOption.UNKNOWN_NPI, ImportOption.ONLY_KNOWN_NPIS),
    FACILITY_AFFILIATION("facility-affiliation", "CMS Doctors & Clinicians Facility Affiliation", ImportOption.UNKNOWN_NPI),
    HOSPITALS("hospitals", "Care Compare Hospital General Information", ImportOption.STATE),
    POS("pos", "CMS Provider of Services", ImportOption.STATE),
    ENCOUNTERS("encounters", "Claims or encounter lines", ImportOption.WINDOW_DAYS, ImportOption.UNKNOWN_NPI,
            ImportOption.ONLY_KNOWN_NPIS),
    SYNTHEA("synthea", "Synthea CSV export (a directory)", ImportOption.WINDOW_DAYS),
    PHYSICIANS("physicians", "Liaison template: physicians"),
    PRACTICES("practices", "Liaison template: practices"),
    FACILITIES("facilities", "Liaison template: facilities"),
    HEALTH_SYSTEM_MEMBERSHIP("health-system-membership", "Liaison template: health-system membership"),
    REFERRALS("referrals", "Liaison template: referrals", ImportOption.UNKNOWN_NPI, ImportOption.ONLY_KNOWN_NPIS),
    AUTO("auto", "Recognise from the header", ImportOption.values());

    /**
     * The formats whose rows say who is owned by, employed by or affiliated with a health system, or make
     * providers without a network: after any other import network membership has nothing to change, since
     * every provider it makes is written OUT and nothing it writes decides membership.
     */
    private static final Set<ImportFormat> DECIDING_MEMBERSHIP = EnumSet.of(FACILITY_AFFILIATION, SYNTHEA, PHYSICIANS,
            PRACTICES, FACILITIES, HEALTH_SYSTEM_MEMBERSHIP, AUTO);

    private final String id;
    private final String title;
    private final Set<ImportOption> options;

    ImportFormat(String id, String title, ImportOption... options) {
        this.id = id;
        this.title = title;
        this.options = options.length == 0 ? EnumSet.noneOf(ImportOption.class) : EnumSet.copyOf(List.of(options));
    }

    /** The contract name: {@code --format=} on the command line, {@code format} in the API. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Whether an import of this format can change network membership ({@link #DECIDING_MEMBERSHIP}). */
    public boolean decidesMembership() {
        return DECIDING_MEMBERSHIP.contains(this);
    }

    /**
     * The options this format's loader reads, in the order help lists them: the one table that the command
     * line checks against and its help shows. {@code auto} takes every option until the file's first line
     * says which format it is; then that format's apply.
     */
    public Set<ImportOption> options() {
        return Collections.unmodifiableSet(options);
    }

    /** Formats that carry referrals, where a period is required. */
    public boolean needsPeriod() {
        return this == SHARED_PATIENTS || this == HOP_TEAMING;
    }

    public static Optional<ImportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }

    /** The formats a user can choose, {@code auto} first. */
    public static List<ImportFormat> choices() {
        var all = new java.util.ArrayList<>(List.of(values()));
        all.remove(AUTO);
        all.add(0, AUTO);
        return all;
    }

    /**
     * Recognises a file by its first row (or a directory by the files in it).
     *
     * @throws ImportRefusedException when nothing fits
     */
    public static ImportFormat detect(Path path) {
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve("encounters.csv")) && Files.exists(path.resolve("providers.csv"))) {
                return SYNTHEA;
            }
            throw new ImportRefusedException(path.getFileName()
                    + " is a directory without a Synthea export (encounters.csv and providers.csv)");
        }
        List<String> first;
        try (CsvRows rows = CsvRows.open(path)) {
            first = rows.firstRow();
        }
        if (first == null) {
            throw new ImportRefusedException(path.getFileName() + " is empty");
        }
        return detect(first).orElseThrow(() -> new ImportRefusedException("The format of " + path.getFileName()
                + " is not recognised from its first line; choose it with --format"));
    }

    static Optional<ImportFormat> detect(List<String> firstRow) {
        var header = new CsvRows.Header(firstRow);
        if (header.has("NPI") && header.has("Entity Type Code")) {
            return Optional.of(NPPES);
        }
        if (header.has("from_npi") && header.has("to_npi") && header.has("transaction_count")) {
            return Optional.of(HOP_TEAMING);
        }
        if (header.has("Facility Affiliations Certification Number")) {
            return Optional.of(FACILITY_AFFILIATION);
        }
        if (header.has("Facility ID") && header.has("Hospital Type")) {
            return Optional.of(HOSPITALS);
        }
        if (header.has("PRVDR_NUM") && header.has("PRVDR_CTGRY_CD")) {
            return Optional.of(POS);
        }
        if (header.has("patient_id") && header.has("provider_id") && header.has("service_date")) {
            return Optional.of(ENCOUNTERS);
        }
        if (header.has("from_npi") && header.has("period_start") && header.has("referrals")) {
            return Optional.of(REFERRALS);
        }
        if (header.has("health_system_id") && header.has("member_id")) {
            return Optional.of(HEALTH_SYSTEM_MEMBERSHIP);
        }
        if (header.has("npi") && header.has("first_name") && header.has("last_name")) {
            return Optional.of(PHYSICIANS);
        }
        if (header.has("practice_id") && header.has("name")) {
            return Optional.of(PRACTICES);
        }
        if (header.has("facility_id") && header.has("name")) {
            return Optional.of(FACILITIES);
        }
        if (firstRow.size() == 5 && firstRow.get(0).strip().matches("\\d{10}") && firstRow.get(1).strip().matches("\\d{10}")) {
            return Optional.of(SHARED_PATIENTS);
        }
        return Optional.empty();
    }
}
