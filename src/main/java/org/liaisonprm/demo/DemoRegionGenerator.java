package org.liaisonprm.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.liaisonprm.demo.DemoRegion.FacilityRow;
import org.liaisonprm.demo.DemoRegion.HealthSystemRow;
import org.liaisonprm.demo.DemoRegion.PayerRow;
import org.liaisonprm.demo.DemoRegion.PhysicianRow;
import org.liaisonprm.demo.DemoRegion.PracticeRow;
import org.liaisonprm.demo.DemoRegion.ReferralRow;
import org.liaisonprm.demo.Metro.Town;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.physician.Npi;
import org.liaisonprm.physician.ServiceLine;
import org.liaisonprm.physician.Specialty;

/**
 * Generates the demo region: one home health system, two competitors, independent facilities, about
 * 2,500 physicians in about 400 practices and 24 months of referrals with heavy-tailed volumes, leakage
 * that depends on the service line, a payer mix, and four planted patterns (docs/demo-data.md).
 * <p>
 * Deterministic: everything is drawn from one {@link Random} seeded with the configured seed, in a fixed
 * order, so the same seed and month always give the same region.
 */
public final class DemoRegionGenerator {

    static final int MONTHS = 24;

    static final String HOME = "riverbend";
    static final String SUMMIT = "summit";
    static final String HARBOR = "harbor-point";

    /** Share of referrals from in-network physicians that leave the network, per service line. */
    static final Map<ServiceLine, Double> TARGET_LEAKAGE = new EnumMap<>(Map.of(
            ServiceLine.ORTHOPEDICS, 0.48,
            ServiceLine.CARDIOLOGY, 0.30,
            ServiceLine.ONCOLOGY, 0.38,
            ServiceLine.NEUROSCIENCES, 0.42,
            ServiceLine.GENERAL_SURGERY, 0.30,
            ServiceLine.WOMENS_HEALTH, 0.34,
            ServiceLine.IMAGING, 0.52,
            ServiceLine.GASTROENTEROLOGY, 0.36,
            ServiceLine.UROLOGY, 0.45,
            ServiceLine.BEHAVIORAL_HEALTH, 0.50));

    /** How a primary-care physician's referrals spread over service lines. */
    private static final Map<ServiceLine, Double> PRIMARY_CARE_MIX = new EnumMap<>(Map.of(
            ServiceLine.IMAGING, 0.22,
            ServiceLine.ORTHOPEDICS, 0.13,
            ServiceLine.CARDIOLOGY, 0.12,
            ServiceLine.GASTROENTEROLOGY, 0.10,
            ServiceLine.BEHAVIORAL_HEALTH, 0.08,
            ServiceLine.WOMENS_HEALTH, 0.07,
            ServiceLine.GENERAL_SURGERY, 0.07,
            ServiceLine.NEUROSCIENCES, 0.07,
            ServiceLine.UROLOGY, 0.06,
            ServiceLine.ONCOLOGY, 0.05));

    /** Specialists of a specialty-practice, weighted by how common they are. */
    private static final List<Specialty> SPECIALISTS = List.of(Specialty.ORTHOPAEDIC_SURGERY,
            Specialty.CARDIOVASCULAR_DISEASE, Specialty.MEDICAL_ONCOLOGY, Specialty.NEUROLOGY,
            Specialty.NEUROLOGICAL_SURGERY, Specialty.GENERAL_SURGERY, Specialty.OBSTETRICS_GYNECOLOGY,
            Specialty.DIAGNOSTIC_RADIOLOGY, Specialty.GASTROENTEROLOGY, Specialty.UROLOGY, Specialty.PSYCHIATRY);
    private static final double[] SPECIALIST_WEIGHTS = {12, 11, 7, 6, 3, 9, 10, 7, 8, 6, 9};

    /** Service lines whose specialists send patients on to hospitals and surgery centres. */
    private static final Set<Specialty> PROCEDURAL = Set.of(Specialty.ORTHOPAEDIC_SURGERY,
            Specialty.CARDIOVASCULAR_DISEASE, Specialty.MEDICAL_ONCOLOGY, Specialty.NEUROLOGICAL_SURGERY,
            Specialty.GENERAL_SURGERY, Specialty.OBSTETRICS_GYNECOLOGY, Specialty.GASTROENTEROLOGY,
            Specialty.UROLOGY, Specialty.NEUROLOGY);

    private static final double[] PAYER_MIX = {0.46, 0.32, 0.16, 0.06};

    private final long seed;
    private final int physicianTarget;
    private final YearMonth lastMonth;
    private Random random;

    // Working state of one generation
    private final List<HealthSystemRow> systems = new ArrayList<>();
    private final List<FacilityRow> facilities = new ArrayList<>();
    private final List<PracticeRow> practices = new ArrayList<>();
    private final List<Doctor> doctors = new ArrayList<>();
    private final Set<String> npis = new HashSet<>();
    private final Set<String> practiceNames = new HashSet<>();
    private final Map<String, double[]> streams = new LinkedHashMap<>();
    private final Map<String, FacilityRow> facilityById = new LinkedHashMap<>();

    public DemoRegionGenerator(long seed, int physicians, YearMonth lastMonth) {
        if (physicians < 200) {
            throw new IllegalArgumentException("The demo region needs at least 200 physicians, not " + physicians);
        }
        this.seed = seed;
        this.physicianTarget = physicians;
        this.lastMonth = lastMonth;
    }

    /** A physician while the region is being built. */
    private static final class Doctor {
        final String npi;
        final String firstName;
        final String lastName;
        final String credential;
        final String sex;
        final Specialty specialty;
        final PracticeRow practice;
        final String employerId;
        final List<String> affiliations = new ArrayList<>();
        final double activity;
        final double[] payerMix;
        String network;
        boolean community;

        Doctor(String npi, String firstName, String lastName, String credential, String sex, Specialty specialty,
               PracticeRow practice, String employerId, double activity, double[] payerMix) {
            this.npi = npi;
            this.firstName = firstName;
            this.lastName = lastName;
            this.credential = credential;
            this.sex = sex;
            this.specialty = specialty;
            this.practice = practice;
            this.employerId = employerId;
            this.activity = activity;
            this.payerMix = payerMix;
        }

        boolean kept() {
            return NetworkMembership.inNetwork(network);
        }
    }

    public DemoRegion generate() {
        random = new Random(seed);
        buildSystemsAndFacilities();
        var planted = buildPlantedPractices();
        buildPractices();
        classifyNetwork();
        buildPrimaryCareReferrals(planted);
        buildSpecialistReferrals();
        plantPatterns(planted);
        List<ReferralRow> referrals = sampleMonths();
        return new DemoRegion(List.copyOf(systems), List.copyOf(facilities), List.copyOf(practices),
                doctors.stream().map(this::row).toList(), payers(), referrals, planted.toRecord());
    }

    // ---------------------------------------------------------------------------------------------
    // Organisations

    private void buildSystemsAndFacilities() {
        systems.add(new HealthSystemRow(HOME, "Riverbend Health", true));
        systems.add(new HealthSystemRow(SUMMIT, "Summit Health Partners", false));
        systems.add(new HealthSystemRow(HARBOR, "Harbor Point Medical", false));

        facility("229001", "Riverbend Medical Center", "HOSPITAL", "Quincy", 412, HOME);
        facility("229002", "Riverbend North Hospital", "HOSPITAL", "Woburn", 186, HOME);
        facility("229003", "Riverbend Newton-Wellesley Campus", "HOSPITAL", "Newton", 240, HOME);
        facility("22C0009001", "Riverbend Surgery Center", "ASC", "Braintree", 0, HOME);
        facility("RB-IMG-NEWTON", "Riverbend Imaging – Newton", "IMAGING", "Newton", 0, HOME);
        facility("RB-IMG-QUINCY", "Riverbend Imaging – Quincy", "IMAGING", "Quincy", 0, HOME);
        facility("RB-UC-WALTHAM", "Riverbend Urgent Care – Waltham", "URGENT_CARE", "Waltham", 0, HOME);

        facility("229011", "Summit General Hospital", "HOSPITAL", "Cambridge", 520, SUMMIT);
        facility("229012", "Summit Orthopedic & Spine Hospital", "HOSPITAL", "Waltham", 96, SUMMIT);
        facility("22C0009011", "Summit Ambulatory Surgery – Burlington", "ASC", "Burlington", 0, SUMMIT);
        facility("SU-IMG-CAMBRIDGE", "Summit Imaging – Cambridge", "IMAGING", "Cambridge", 0, SUMMIT);

        facility("229021", "Harbor Point Hospital", "HOSPITAL", "Lynn", 310, HARBOR);
        facility("22C0009021", "Harbor Point Surgery Center", "ASC", "Salem", 0, HARBOR);
        facility("HP-IMG-PEABODY", "Harbor Point Imaging", "IMAGING", "Peabody", 0, HARBOR);

        facility("229031", "Metro West Community Hospital", "HOSPITAL", "Framingham", 154, null);
        facility("22C0009031", "Bay Colony Surgery Center", "ASC", "Dedham", 0, null);
        facility("IND-IMG-BOSTON", "Back Bay Open MRI", "IMAGING", "Boston", 0, null);
        facility("225031", "Seaside Rehabilitation & Nursing", "SNF", "Weymouth", 120, null);
        facility("IND-CLINIC-CHELSEA", "Mystic Valley Community Health Center", "CLINIC", "Everett", 0, null);
        facility("229041", "Old Colony Community Hospital", "HOSPITAL", Metro.COMMUNITY_TOWN.name(), 172, null);
    }

    private void facility(String id, String name, String type, String townName, int beds, String systemId) {
        Town town = Metro.town(townName);
        double[] point = jitter(town);
        var row = new FacilityRow(id, name, type, address(), town.name(), Metro.STATE, town.zip(), point[0], point[1],
                beds, systemId);
        facilities.add(row);
        facilityById.put(id, row);
    }

    private static final class PlantedPractices {
        PracticeRow splitterPractice;
        PracticeRow competitorOrtho;
        PracticeRow brokerPractice;
        PracticeRow collapsePractice;
        final List<PracticeRow> community = new ArrayList<>();
        final List<Doctor> splitters = new ArrayList<>();
        final List<Doctor> competitorOrthopedists = new ArrayList<>();
        Doctor broker;
        Doctor collapsed;
        final List<Doctor> communityDoctors = new ArrayList<>();

        DemoRegion.Planted toRecord() {
            return new DemoRegion.Planted(splitters.stream().map(d -> d.npi).toList(), competitorOrtho.id(),
                    broker.npi, "229011", collapsed.npi, communityDoctors.stream().map(d -> d.npi).toList());
        }
    }

    private PlantedPractices buildPlantedPractices() {
        var planted = new PlantedPractices();
        planted.splitterPractice = practice("Riverbend Primary Care – Quincy", Metro.town("Quincy"), HOME);
        for (int i = 0; i < 6; i++) {
            planted.splitters.add(doctor(i % 2 == 0 ? Specialty.FAMILY_MEDICINE : Specialty.INTERNAL_MEDICINE,
                    planted.splitterPractice, HOME, 1.6));
        }
        planted.competitorOrtho = practice("Summit Orthopedic Associates", Metro.town("Waltham"), SUMMIT);
        for (int i = 0; i < 8; i++) {
            Doctor d = doctor(Specialty.ORTHOPAEDIC_SURGERY, planted.competitorOrtho, SUMMIT, 1.2);
            d.affiliations.add("229012");
            planted.competitorOrthopedists.add(d);
        }
        planted.brokerPractice = practice("Castellanos Heart & Vascular", Metro.town("Dedham"), null);
        planted.broker = named(Specialty.CARDIOVASCULAR_DISEASE, planted.brokerPractice, null, 3.0,
                "Victor", "Castellanos", "M");
        planted.broker.affiliations.add("229011");
        doctor(Specialty.CARDIOVASCULAR_DISEASE, planted.brokerPractice, null, 0.8).affiliations.add("229011");

        planted.collapsePractice = practice("Riverbend Internal Medicine – Newton", Metro.town("Newton"), HOME);
        planted.collapsed = named(Specialty.INTERNAL_MEDICINE, planted.collapsePractice, HOME, 7.0,
                "Eleanor", "Whitfield", "F");
        for (int i = 0; i < 3; i++) {
            doctor(Specialty.INTERNAL_MEDICINE, planted.collapsePractice, HOME, 1.0);
        }

        Town brockton = Metro.COMMUNITY_TOWN;
        var family = practice("Old Colony Family Practice", brockton, null);
        var specialty = practice("Old Colony Specialty Associates", brockton, null);
        var behavioral = practice("Brockton Neurology & Behavioral Health", brockton, null);
        planted.community.addAll(List.of(family, specialty, behavioral));
        for (int i = 0; i < 10; i++) {
            planted.communityDoctors.add(doctor(i < 6 ? Specialty.FAMILY_MEDICINE : Specialty.INTERNAL_MEDICINE,
                    family, null, 1.0));
        }
        for (Specialty s : List.of(Specialty.ORTHOPAEDIC_SURGERY, Specialty.ORTHOPAEDIC_SURGERY,
                Specialty.CARDIOVASCULAR_DISEASE, Specialty.CARDIOVASCULAR_DISEASE, Specialty.GASTROENTEROLOGY,
                Specialty.GENERAL_SURGERY, Specialty.GENERAL_SURGERY, Specialty.UROLOGY,
                Specialty.OBSTETRICS_GYNECOLOGY, Specialty.OBSTETRICS_GYNECOLOGY, Specialty.MEDICAL_ONCOLOGY,
                Specialty.DIAGNOSTIC_RADIOLOGY)) {
            planted.communityDoctors.add(doctor(s, specialty, null, 1.0));
        }
        for (Specialty s : List.of(Specialty.NEUROLOGY, Specialty.NEUROLOGY, Specialty.PSYCHIATRY,
                Specialty.PSYCHIATRY, Specialty.PSYCHIATRY)) {
            planted.communityDoctors.add(doctor(s, behavioral, null, 1.0));
        }
        for (Doctor d : planted.communityDoctors) {
            d.community = true;
            d.affiliations.add("229041");
        }
        return planted;
    }

    private void buildPractices() {
        while (doctors.size() < physicianTarget) {
            Town town = pickTown();
            double ownership = random.nextDouble();
            String systemId = ownership < 0.30 ? HOME : ownership < 0.45 ? SUMMIT : ownership < 0.55 ? HARBOR : null;
            double kind = random.nextDouble();
            int size = Math.min(45, 1 + (int) Math.round(Math.exp(1.35 + 0.8 * random.nextGaussian())));
            size = Math.min(size, physicianTarget - doctors.size());
            if (kind < 0.50) {
                Specialty main = random.nextDouble() < 0.55 ? Specialty.FAMILY_MEDICINE : Specialty.INTERNAL_MEDICINE;
                var practice = practice(primaryCareName(town, systemId, main), town, systemId);
                for (int i = 0; i < size; i++) {
                    addStaff(i % 4 == 3 ? other(main) : main, practice, systemId);
                }
            } else if (kind < 0.90) {
                Specialty specialty = SPECIALISTS.get(pickWeighted(SPECIALIST_WEIGHTS));
                var practice = practice(specialtyName(town, systemId, specialty), town, systemId);
                for (int i = 0; i < size; i++) {
                    addStaff(specialty, practice, systemId);
                }
            } else {
                var practice = practice(multiSpecialtyName(town, systemId), town, systemId);
                for (int i = 0; i < size; i++) {
                    Specialty specialty = i % 3 == 0
                            ? Specialty.FAMILY_MEDICINE : SPECIALISTS.get(pickWeighted(SPECIALIST_WEIGHTS));
                    addStaff(specialty, practice, systemId);
                }
            }
        }
    }

    private static Specialty other(Specialty primaryCare) {
        return primaryCare == Specialty.FAMILY_MEDICINE ? Specialty.INTERNAL_MEDICINE : Specialty.FAMILY_MEDICINE;
    }

    private void addStaff(Specialty specialty, PracticeRow practice, String systemId) {
        String employer = systemId == null ? null
                : HOME.equals(systemId) || random.nextDouble() < 0.8 ? systemId : null;
        Doctor d = doctor(specialty, practice, employer, Math.exp(0.8 * random.nextGaussian()));
        affiliate(d, systemId);
    }

    /** Hospital privileges: own system's hospitals, or for independents sometimes ours (then AFFILIATED). */
    private void affiliate(Doctor d, String systemId) {
        if (d.specialty.isPrimaryCare() && random.nextDouble() < 0.5) {
            return;
        }
        String hospitalSystem;
        if (systemId != null) {
            hospitalSystem = systemId;
        } else {
            double r = random.nextDouble();
            hospitalSystem = r < 0.38 ? HOME : r < 0.62 ? SUMMIT : r < 0.80 ? HARBOR : "";
        }
        List<FacilityRow> hospitals = facilities.stream()
                .filter(f -> "HOSPITAL".equals(f.type()))
                .filter(f -> hospitalSystem.isEmpty() ? f.healthSystemId() == null && !"229041".equals(f.id())
                        : hospitalSystem.equals(f.healthSystemId()))
                .toList();
        if (!hospitals.isEmpty()) {
            d.affiliations.add(nearest(hospitals, d.practice).id());
        }
    }

    private FacilityRow nearest(List<FacilityRow> candidates, PracticeRow practice) {
        return candidates.stream()
                .min(Comparator.comparingDouble(f -> Metro.distanceKm(f.lat(), f.lon(), practice.lat(), practice.lon())))
                .orElseThrow();
    }

    private PracticeRow practice(String name, Town town, String systemId) {
        String unique = name;
        for (int n = 2; !practiceNames.add(unique); n++) {
            unique = name + " (" + Metro.STREETS.get(random.nextInt(Metro.STREETS.size())).split(" ")[0]
                    + (n > 2 ? " " + n : "") + ")";
        }
        double[] point = jitter(town);
        String npi = newNpi('1');
        var row = new PracticeRow(npi, unique, npi, address(), town.name(), Metro.STATE, town.zip(), point[0],
                point[1], systemId);
        practices.add(row);
        return row;
    }

    private String primaryCareName(Town town, String systemId, Specialty specialty) {
        if (HOME.equals(systemId)) {
            return "Riverbend Primary Care – " + town.name();
        }
        if (SUMMIT.equals(systemId)) {
            return "Summit Medical Group – " + town.name();
        }
        if (HARBOR.equals(systemId)) {
            return "Harbor Point Physicians – " + town.name();
        }
        String last = pick(Metro.LAST_NAMES);
        return switch (random.nextInt(3)) {
            case 0 -> town.name() + (specialty == Specialty.FAMILY_MEDICINE ? " Family Medicine" : " Internal Medicine");
            case 1 -> last + " Family Practice";
            default -> town.name() + " Primary Care Associates";
        };
    }

    private String specialtyName(Town town, String systemId, Specialty specialty) {
        String field = switch (specialty) {
            case ORTHOPAEDIC_SURGERY -> "Orthopedics";
            case CARDIOVASCULAR_DISEASE -> "Cardiology";
            case MEDICAL_ONCOLOGY -> "Hematology & Oncology";
            case NEUROLOGY -> "Neurology";
            case NEUROLOGICAL_SURGERY -> "Neurosurgery";
            case GENERAL_SURGERY -> "Surgical Associates";
            case OBSTETRICS_GYNECOLOGY -> "OB/GYN";
            case DIAGNOSTIC_RADIOLOGY -> "Radiology";
            case GASTROENTEROLOGY -> "Gastroenterology";
            case UROLOGY -> "Urology";
            case PSYCHIATRY -> "Psychiatry";
            default -> specialty.label();
        };
        if (HOME.equals(systemId)) {
            return "Riverbend " + field + " – " + town.name();
        }
        if (SUMMIT.equals(systemId)) {
            return "Summit " + field + " – " + town.name();
        }
        if (HARBOR.equals(systemId)) {
            return "Harbor Point " + field + " – " + town.name();
        }
        return random.nextBoolean() ? town.name() + " " + field + " Associates" : pick(Metro.LAST_NAMES) + " " + field;
    }

    private String multiSpecialtyName(Town town, String systemId) {
        if (HOME.equals(systemId)) {
            return "Riverbend Health Center – " + town.name();
        }
        if (SUMMIT.equals(systemId)) {
            return "Summit Multispecialty – " + town.name();
        }
        if (HARBOR.equals(systemId)) {
            return "Harbor Point Health Center – " + town.name();
        }
        return town.name() + " Medical Associates";
    }

    private Doctor doctor(Specialty specialty, PracticeRow practice, String employerId, double activity) {
        boolean female = random.nextDouble() < 0.48;
        String first = pick(female ? Metro.FEMALE_NAMES : Metro.MALE_NAMES);
        String last = pick(Metro.LAST_NAMES);
        return named(specialty, practice, employerId, activity, first, last, female ? "F" : "M");
    }

    private Doctor named(Specialty specialty, PracticeRow practice, String employerId, double activity,
                         String first, String last, String sex) {
        String credential = random.nextDouble() < 0.86 ? "MD" : "DO";
        var d = new Doctor(newNpi('1'), first, last, credential, sex, specialty, practice, employerId, activity,
                payerMix());
        doctors.add(d);
        return d;
    }

    private double[] payerMix() {
        double[] mix = new double[PAYER_MIX.length];
        double sum = 0;
        for (int i = 0; i < mix.length; i++) {
            mix[i] = PAYER_MIX[i] * Math.exp(0.35 * random.nextGaussian());
            sum += mix[i];
        }
        for (int i = 0; i < mix.length; i++) {
            mix[i] /= sum;
        }
        return mix;
    }

    /** The same rules {@code NetworkMembership} applies in the graph, needed here to pick targets. */
    private void classifyNetwork() {
        for (Doctor d : doctors) {
            boolean in = HOME.equals(d.employerId) || HOME.equals(d.practice.healthSystemId());
            boolean affiliated = d.affiliations.stream().anyMatch(id -> HOME.equals(facilityById.get(id).healthSystemId()));
            d.network = in ? "IN" : affiliated ? "AFFILIATED" : "OUT";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Referral streams: expected referrals per month for each (source, target, service line)

    private void buildPrimaryCareReferrals(PlantedPractices planted) {
        Map<ServiceLine, List<Doctor>> keptPool = new EnumMap<>(ServiceLine.class);
        Map<ServiceLine, List<Doctor>> leakPool = new EnumMap<>(ServiceLine.class);
        for (Doctor d : doctors) {
            if (d.specialty.isPrimaryCare() || d.specialty == Specialty.DIAGNOSTIC_RADIOLOGY || d.community
                    || d == planted.broker) {
                continue;
            }
            (d.kept() ? keptPool : leakPool).computeIfAbsent(d.specialty.serviceLine(), k -> new ArrayList<>()).add(d);
        }
        List<FacilityRow> keptImaging = imagingSites(f -> HOME.equals(f.healthSystemId()));
        List<FacilityRow> leakImaging = imagingSites(f -> !HOME.equals(f.healthSystemId()) && !"229041".equals(f.id()));

        for (Doctor pcp : doctors) {
            if (!pcp.specialty.isPrimaryCare()) {
                continue;
            }
            if (pcp.community) {
                communityReferrals(pcp, planted);
                continue;
            }
            double annual = 130 * pcp.activity;
            for (var mix : PRIMARY_CARE_MIX.entrySet()) {
                ServiceLine line = mix.getKey();
                if (random.nextDouble() < 0.12) {
                    continue; // not every physician refers in every service line
                }
                double volume = annual * mix.getValue();
                double keep = keepShare(pcp, line);
                if (planted.splitters.contains(pcp) && line == ServiceLine.ORTHOPEDICS) {
                    continue; // planted below
                }
                if (line == ServiceLine.IMAGING) {
                    spread(pcp, volume * keep, keptImaging, line);
                    spread(pcp, volume * (1 - keep), leakImaging, line);
                } else {
                    spreadToDoctors(pcp, volume * keep, keptPool.getOrDefault(line, List.of()), line);
                    spreadToDoctors(pcp, volume * (1 - keep), leakPool.getOrDefault(line, List.of()), line);
                }
            }
        }
    }

    /** This physician's share of referrals kept in network, scattered around the service line's mean. */
    private double keepShare(Doctor pcp, ServiceLine line) {
        double base = 1 - TARGET_LEAKAGE.get(line);
        double mean = switch (pcp.network) {
            case "IN" -> base;
            case "AFFILIATED" -> base - 0.12;
            default -> 0.12;
        };
        return Math.max(0.02, Math.min(0.98, mean + 0.2 * random.nextGaussian()));
    }

    private void communityReferrals(Doctor pcp, PlantedPractices planted) {
        double annual = 130 * pcp.activity;
        for (var mix : PRIMARY_CARE_MIX.entrySet()) {
            ServiceLine line = mix.getKey();
            double volume = annual * mix.getValue();
            if (line == ServiceLine.IMAGING) {
                addStream(pcp.npi, "229041", line, volume * 0.95);
                addStream(pcp.npi, "RB-IMG-QUINCY", line, volume * 0.05);
                continue;
            }
            List<Doctor> local = planted.communityDoctors.stream()
                    .filter(d -> d.specialty.serviceLine() == line).toList();
            if (local.isEmpty()) {
                spreadToDoctors(pcp, volume, doctors.stream().filter(d -> !d.community && !d.specialty.isPrimaryCare()
                        && d.specialty.serviceLine() == line).toList(), line);
            } else {
                spreadToDoctors(pcp, volume, local, line);
            }
        }
    }

    private List<FacilityRow> imagingSites(Predicate<FacilityRow> owner) {
        return facilities.stream()
                .filter(f -> "IMAGING".equals(f.type()) || "HOSPITAL".equals(f.type()))
                .filter(owner)
                .toList();
    }

    /** Spreads a yearly volume over one to four nearby doctors of the pool, the nearest and busiest first. */
    private void spreadToDoctors(Doctor source, double annualVolume, List<Doctor> pool, ServiceLine line) {
        if (annualVolume < 0.5 || pool.isEmpty()) {
            return;
        }
        double[] weights = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            Doctor d = pool.get(i);
            if (d == source) {
                continue;
            }
            double km = Metro.distanceKm(source.practice.lat(), source.practice.lon(), d.practice.lat(), d.practice.lon());
            double samePractice = d.practice == source.practice ? 4 : 1;
            weights[i] = samePractice * d.activity / Math.pow(1 + km / 6, 2);
        }
        int targets = Math.min(pool.size(), 1 + (int) Math.min(3, annualVolume / 12));
        distribute(source, annualVolume, weights, targets, i -> pool.get(i).npi, line);
    }

    /** Spreads a yearly volume over one to three nearby sites, the nearest first. */
    private void spread(Doctor source, double annualVolume, List<FacilityRow> sites, ServiceLine line) {
        if (annualVolume < 0.5 || sites.isEmpty()) {
            return;
        }
        double[] weights = new double[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            FacilityRow f = sites.get(i);
            double km = Metro.distanceKm(source.practice.lat(), source.practice.lon(), f.lat(), f.lon());
            weights[i] = 1 / Math.pow(1 + km / 8, 2);
        }
        int targets = Math.min(sites.size(), 1 + (int) Math.min(2, annualVolume / 20));
        distribute(source, annualVolume, weights, targets, i -> sites.get(i).id(), line);
    }

    /** Draws targets by weight, without repeats, and gives them Zipf shares of the volume. */
    private void distribute(Doctor source, double annualVolume, double[] weights, int targets, IntFunction<String> idOf,
                            ServiceLine line) {
        double[] shares = zipf(targets);
        for (int t = 0; t < targets; t++) {
            int chosen = pickWeighted(weights);
            if (chosen < 0) {
                break;
            }
            weights[chosen] = 0;
            addStream(source.npi, idOf.apply(chosen), line, annualVolume * shares[t]);
        }
    }

    private static double[] zipf(int n) {
        double[] shares = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = 1.0 / (i + 1);
            sum += shares[i];
        }
        for (int i = 0; i < n; i++) {
            shares[i] /= sum;
        }
        return shares;
    }

    /** Specialists send patients on to hospitals, surgery centres and, now and then, other specialists. */
    private void buildSpecialistReferrals() {
        List<FacilityRow> procedureSites = facilities.stream()
                .filter(f -> "HOSPITAL".equals(f.type()) || "ASC".equals(f.type()))
                .filter(f -> !"229041".equals(f.id()))
                .toList();
        for (Doctor d : doctors) {
            if (d.specialty.isPrimaryCare() || !PROCEDURAL.contains(d.specialty)) {
                continue;
            }
            ServiceLine line = d.specialty.serviceLine();
            double annual = 70 * d.activity;
            if (d.community) {
                addStream(d.npi, "229041", line, annual * 0.92);
                addStream(d.npi, "229011", line, annual * 0.08);
                continue;
            }
            double keep = switch (d.network) {
                case "IN" -> 0.88;
                case "AFFILIATED" -> 0.55;
                default -> 0.08;
            };
            spread(d, annual * keep, procedureSites.stream().filter(f -> HOME.equals(f.healthSystemId())).toList(), line);
            List<FacilityRow> elsewhere = procedureSites.stream()
                    .filter(f -> !HOME.equals(f.healthSystemId()))
                    .filter(f -> d.affiliations.contains(f.id()) || random.nextDouble() < 0.5)
                    .toList();
            spread(d, annual * (1 - keep), elsewhere, line);
        }
        buildConsults();
    }

    /**
     * About a third of specialists also send patients to specialists of another service line (a
     * cardiologist to a surgeon, a gastroenterologist to an oncologist): these second steps make brokers.
     */
    private void buildConsults() {
        Map<ServiceLine, List<Doctor>> kept = new EnumMap<>(ServiceLine.class);
        Map<ServiceLine, List<Doctor>> elsewhere = new EnumMap<>(ServiceLine.class);
        Map<ServiceLine, List<Doctor>> community = new EnumMap<>(ServiceLine.class);
        for (Doctor d : doctors) {
            if (d.specialty.isPrimaryCare() || d.specialty == Specialty.DIAGNOSTIC_RADIOLOGY) {
                continue;
            }
            var pools = d.community ? community : d.kept() ? kept : elsewhere;
            pools.computeIfAbsent(d.specialty.serviceLine(), k -> new ArrayList<>()).add(d);
        }
        List<ServiceLine> lines = List.copyOf(kept.keySet());
        for (Doctor d : doctors) {
            if (d.specialty.isPrimaryCare() || d.specialty == Specialty.DIAGNOSTIC_RADIOLOGY
                    || random.nextDouble() >= 0.35) {
                continue;
            }
            ServiceLine line = lines.get(random.nextInt(lines.size()));
            if (line == d.specialty.serviceLine()) {
                continue;
            }
            double volume = 4 + 8 * d.activity;
            if (d.community) {
                spreadToDoctors(d, volume, community.getOrDefault(line, List.of()), line);
                continue;
            }
            double keep = switch (d.network) {
                case "IN" -> 0.85;
                case "AFFILIATED" -> 0.55;
                default -> 0.1;
            };
            spreadToDoctors(d, volume * keep, kept.getOrDefault(line, List.of()), line);
            spreadToDoctors(d, volume * (1 - keep), elsewhere.getOrDefault(line, List.of()), line);
        }
    }

    private void plantPatterns(PlantedPractices planted) {
        // 1. Orthopedic splitters: about half their orthopedic referrals go to the competitor's group.
        for (Doctor pcp : planted.splitters) {
            double volume = 60 + 20 * random.nextDouble();
            List<Doctor> ours = doctors.stream()
                    .filter(d -> d.specialty == Specialty.ORTHOPAEDIC_SURGERY && "IN".equals(d.network))
                    .sorted(Comparator.comparingDouble(d -> Metro.distanceKm(d.practice.lat(), d.practice.lon(),
                            pcp.practice.lat(), pcp.practice.lon())))
                    .limit(3).toList();
            double[] shares = zipf(ours.size());
            for (int i = 0; i < ours.size(); i++) {
                addStream(pcp.npi, ours.get(i).npi, ServiceLine.ORTHOPEDICS, volume * 0.5 * shares[i]);
            }
            for (int i = 0; i < 3; i++) {
                addStream(pcp.npi, planted.competitorOrthopedists.get((i + planted.splitters.indexOf(pcp)) % 8).npi,
                        ServiceLine.ORTHOPEDICS, volume * 0.5 / 3);
            }
        }
        // 2. Chain leakage: in-network primary care near Dedham sends cardiology to an independent
        //    cardiologist, who sends his procedures on to the competitor's flagship hospital.
        PracticeRow where = planted.brokerPractice;
        doctors.stream()
                .filter(d -> d.specialty.isPrimaryCare() && "IN".equals(d.network) && !planted.splitters.contains(d)
                        && d != planted.collapsed)
                .sorted(Comparator.comparingDouble(d -> Metro.distanceKm(d.practice.lat(), d.practice.lon(),
                        where.lat(), where.lon())))
                .limit(50)
                .forEach(pcp -> addStream(pcp.npi, planted.broker.npi, ServiceLine.CARDIOLOGY, 14 + 14 * random.nextDouble()));
        addStream(planted.broker.npi, "229011", ServiceLine.CARDIOLOGY, 900);
        addStream(planted.broker.npi, "22C0009031", ServiceLine.CARDIOLOGY, 40);
        // 3. The collapsed referrer: in the last quarter her kept referrals fall to a tenth and the rest
        //    goes to the competitor.
        double[] lastQuarterDown = new double[MONTHS];
        double[] lastQuarterUp = new double[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            lastQuarterDown[m] = m >= MONTHS - 3 ? 0.1 : 1;
            lastQuarterUp[m] = m >= MONTHS - 3 ? 1 : 0;
        }
        String whitfield = planted.collapsed.npi;
        double keptVolume = 0;
        for (var entry : streams.entrySet()) {
            String[] key = entry.getKey().split("\\|", 3);
            if (key[0].equals(whitfield) && isKept(key[1])) {
                double[] rates = entry.getValue();
                for (int m = 0; m < MONTHS; m++) {
                    keptVolume += rates[m] * lastQuarterUp[m] * 0.9;
                    rates[m] *= lastQuarterDown[m];
                }
            }
        }
        double movedPerMonth = keptVolume / 3;
        var summitDoctors = doctors.stream()
                .filter(d -> SUMMIT.equals(d.practice.healthSystemId()) && !d.specialty.isPrimaryCare()
                        && d.specialty != Specialty.DIAGNOSTIC_RADIOLOGY)
                .limit(6).toList();
        for (Doctor d : summitDoctors) {
            double[] rates = streams.computeIfAbsent(key(whitfield, d.npi, d.specialty.serviceLine()), k -> new double[MONTHS]);
            for (int m = MONTHS - 3; m < MONTHS; m++) {
                rates[m] += movedPerMonth / summitDoctors.size();
            }
        }
    }

    private boolean isKept(String targetId) {
        FacilityRow facility = facilityById.get(targetId);
        if (facility != null) {
            return HOME.equals(facility.healthSystemId());
        }
        return doctors.stream().filter(d -> d.npi.equals(targetId)).findFirst().map(Doctor::kept).orElse(false);
    }

    private void addStream(String source, String target, ServiceLine line, double annualVolume) {
        if (source.equals(target)) {
            return;
        }
        double[] rates = streams.computeIfAbsent(key(source, target, line), k -> new double[MONTHS]);
        for (int m = 0; m < MONTHS; m++) {
            // mild seasonality (a summer dip, a winter peak) and 3% growth a year
            int calendarMonth = lastMonth.minusMonths(MONTHS - 1 - m).getMonthValue();
            double season = 1 + 0.08 * Math.cos(2 * Math.PI * (calendarMonth - 1) / 12.0);
            double growth = Math.pow(1.03, (m - MONTHS / 2.0) / 12.0);
            rates[m] += annualVolume / 12 * season * growth;
        }
    }

    private static String key(String source, String target, ServiceLine line) {
        return source + "|" + target + "|" + line.name();
    }

    // ---------------------------------------------------------------------------------------------
    // Monthly counts

    private List<ReferralRow> sampleMonths() {
        Map<String, Doctor> byNpi = new LinkedHashMap<>();
        doctors.forEach(d -> byNpi.put(d.npi, d));
        var rows = new ArrayList<ReferralRow>();
        for (var entry : streams.entrySet()) {
            String[] key = entry.getKey().split("\\|", 3);
            Doctor source = byNpi.get(key[0]);
            boolean facilityTarget = facilityById.containsKey(key[1]);
            ServiceLine line = ServiceLine.valueOf(key[2]);
            double[] rates = entry.getValue();
            for (int m = 0; m < MONTHS; m++) {
                int referrals = poisson(rates[m]);
                if (referrals == 0) {
                    continue;
                }
                int[] payers = new int[4];
                for (int i = 0; i < referrals; i++) {
                    payers[pickWeighted(source.payerMix)]++;
                }
                int repeatPatients = binomial(referrals, 0.12);
                int patients = Math.max(1, referrals - repeatPatients);
                LocalDate start = lastMonth.minusMonths(MONTHS - 1 - m).atDay(1);
                rows.add(new ReferralRow(key[0], key[1], facilityTarget, start, line.label(), referrals, patients,
                        payers[0], payers[1], payers[2], payers[3]));
            }
        }
        return rows;
    }

    private int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private int binomial(int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers

    private PhysicianRow row(Doctor d) {
        PracticeRow p = d.practice;
        return new PhysicianRow(d.npi, d.npi, d.firstName, d.lastName, d.credential, d.specialty.label(),
                d.specialty.taxonomyCode(), d.specialty.serviceLine().label(), d.sex, p.address(), p.city(),
                p.state(), p.zip(), p.lat(), p.lon(), p.id(), d.employerId, List.copyOf(d.affiliations));
    }

    private static List<PayerRow> payers() {
        return List.of(new PayerRow("medicare", "Medicare", "MEDICARE"),
                new PayerRow("masshealth", "MassHealth (Medicaid)", "MEDICAID"),
                new PayerRow("commonwealth-blue", "Commonwealth Blue", "COMMERCIAL"),
                new PayerRow("granite-health", "Granite Health Plan", "COMMERCIAL"),
                new PayerRow("self-pay", "Self-pay", "SELF_PAY"));
    }

    private String newNpi(char first) {
        while (true) {
            var digits = new StringBuilder().append(first);
            for (int i = 0; i < 8; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String npi = Npi.withCheckDigit(digits.toString());
            if (npis.add(npi)) {
                return npi;
            }
        }
    }

    private Town pickTown() {
        double[] weights = Metro.TOWNS.stream().mapToDouble(Town::weight).toArray();
        return Metro.TOWNS.get(pickWeighted(weights));
    }

    private double[] jitter(Town town) {
        return new double[] {town.lat() + 0.012 * random.nextGaussian(), town.lon() + 0.016 * random.nextGaussian()};
    }

    private String address() {
        return (10 + random.nextInt(1900)) + " " + pick(Metro.STREETS);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** An index drawn with probability proportional to its weight; -1 when all weights are zero. */
    private int pickWeighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (total <= 0) {
            return -1;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return -1;
    }
}
