package org.liaisonprm.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The outreach side of the demo region (docs/demo-data.md, "Outreach"): five territories of the metro's
 * towns, the liaisons who cover them, half a year of interactions up to {@code today}, goals and one plan
 * for the current week. Deterministic for a seed and a day.
 */
final class DemoOutreach {

    /** A demo territory: id, name, the towns whose ZIP codes it holds, and the liaison who covers it. */
    record TerritoryRow(String id, String name, List<String> zips, String liaison) {
    }

    record InteractionRow(String id, String username, String targetId, String type, LocalDate date, String reached,
                          Integer durationMinutes, String notes, String outcome, LocalDate followUpDate) {
    }

    static final List<List<Object>> TERRITORIES = List.of(
            List.of("south-shore", "South Shore", List.of("Quincy", "Braintree", "Weymouth", "Milton", "Brockton"), "liaison1"),
            List.of("north-shore", "North Shore", List.of("Lynn", "Salem", "Peabody", "Revere"), "liaison2"),
            List.of("metro-north", "Metro North", List.of("Cambridge", "Somerville", "Medford", "Malden", "Everett",
                    "Arlington", "Woburn", "Burlington", "Lexington"), "liaison3"),
            List.of("boston-brookline", "Boston & Brookline", List.of("Boston", "Brookline", "Watertown", "Newton",
                    "Waltham"), "liaison4"),
            List.of("metrowest", "MetroWest", List.of("Framingham", "Natick", "Needham", "Dedham", "Norwood"), "liaison4"));

    private static final String[] TYPES = {"IN_PERSON_VISIT", "IN_PERSON_VISIT", "IN_PERSON_VISIT", "IN_PERSON_VISIT",
            "DROP_OFF", "DROP_OFF", "PHONE_CALL", "PHONE_CALL", "LUNCH_AND_LEARN", "EMAIL", "EVENT"};

    private static final Map<String, String[]> REACHED = Map.of(
            "IN_PERSON_VISIT", new String[]{"PHYSICIAN", "PHYSICIAN", "PHYSICIAN", "OFFICE_STAFF", "OFFICE_STAFF", "NONE"},
            "DROP_OFF", new String[]{"OFFICE_STAFF", "OFFICE_STAFF", "OFFICE_STAFF", "NONE"},
            "PHONE_CALL", new String[]{"PHYSICIAN", "OFFICE_STAFF", "OFFICE_STAFF", "NONE"},
            "LUNCH_AND_LEARN", new String[]{"PHYSICIAN", "PHYSICIAN", "PHYSICIAN", "OFFICE_STAFF"},
            "EMAIL", new String[]{"PHYSICIAN", "NONE", "NONE"},
            "EVENT", new String[]{"PHYSICIAN"});

    private static final String[] NOTES = {
            "Introduced the new %s access line and same-week appointment slots.",
            "Asked about referral friction: office staff mention slow scheduling callbacks for %s.",
            "Left the updated %s referral guide and the direct scheduling number.",
            "Discussed outcomes data for %s; interested in a call with our department chief.",
            "Office manager prefers e-referrals; sent the portal enrolment link (%s).",
            "Brief hallway conversation; follow up with %s clinic hours for the new satellite site."};

    private static final String[] OUTCOMES = {
            "Will try our scheduling line", "Requested a meeting with the chief", "No change expected",
            "Prefers the competitor for insurance reasons", "Agreed to a lunch and learn", ""};

    private DemoOutreach() {
    }

    static List<TerritoryRow> territories() {
        var rows = new ArrayList<TerritoryRow>();
        for (List<Object> t : TERRITORIES) {
            @SuppressWarnings("unchecked")
            var towns = (List<String>) t.get(2);
            rows.add(new TerritoryRow((String) t.get(0), (String) t.get(1),
                    towns.stream().map(name -> Metro.town(name).zip()).toList(), (String) t.get(3)));
        }
        return rows;
    }

    /**
     * Half a year of interactions by each liaison with the busier referrers of their territories: four to seven
     * on the weekdays of each week; about a third of the last four weeks' have a follow-up date.
     */
    static List<InteractionRow> interactions(DemoRegion region, long seed, LocalDate today) {
        var random = new Random(seed * 31 + today.toEpochDay());
        var volume = new HashMap<String, Long>();
        for (var r : region.referrals()) {
            volume.merge(r.sourceId(), (long) r.referrals(), Long::sum);
        }
        var byZip = new HashMap<String, List<DemoRegion.PhysicianRow>>();
        for (var p : region.physicians()) {
            byZip.computeIfAbsent(p.zip(), z -> new ArrayList<>()).add(p);
        }
        var byLiaison = new HashMap<String, List<DemoRegion.PhysicianRow>>();
        for (TerritoryRow t : territories()) {
            var list = byLiaison.computeIfAbsent(t.liaison(), l -> new ArrayList<>());
            for (String zip : t.zips()) {
                list.addAll(byZip.getOrDefault(zip, List.of()));
            }
        }
        var rows = new ArrayList<InteractionRow>();
        for (String liaison : byLiaison.keySet().stream().sorted().toList()) {
            var candidates = byLiaison.get(liaison).stream()
                    .sorted(Comparator.comparingLong((DemoRegion.PhysicianRow p) -> -volume.getOrDefault(p.id(), 0L))
                            .thenComparing(DemoRegion.PhysicianRow::id))
                    .limit(120).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            for (int week = 26; week >= 0; week--) {
                LocalDate monday = today.minusWeeks(week).with(DayOfWeek.MONDAY);
                int count = 4 + random.nextInt(4);
                for (int k = 0; k < count; k++) {
                    LocalDate date = monday.plusDays(random.nextInt(5));
                    if (date.isAfter(today)) {
                        continue;
                    }
                    // favour the busiest referrers: the square of a uniform number leans to the front
                    double u = random.nextDouble();
                    var physician = candidates.get((int) (u * u * candidates.size()));
                    String type = TYPES[random.nextInt(TYPES.length)];
                    String[] reachedChoices = REACHED.get(type);
                    String reached = reachedChoices[random.nextInt(reachedChoices.length)];
                    Integer duration = switch (type) {
                        case "IN_PERSON_VISIT" -> 10 + 5 * random.nextInt(6);
                        case "LUNCH_AND_LEARN" -> 45 + 15 * random.nextInt(2);
                        case "PHONE_CALL" -> 5 + random.nextInt(15);
                        case "EVENT" -> 60 + 30 * random.nextInt(3);
                        default -> null;
                    };
                    String notes = NOTES[random.nextInt(NOTES.length)].formatted(physician.serviceLine());
                    String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
                    // follow-ups from the last four weeks only: older ones would have been dealt with
                    LocalDate followUp = random.nextInt(3) == 0 && date.isAfter(today.minusWeeks(4))
                            ? date.plusDays(7 + random.nextInt(21)) : null;
                    rows.add(new InteractionRow(new UUID(seed, rows.size()).toString(), liaison, physician.id(), type, date,
                            reached, duration, notes, outcome.isEmpty() ? null : outcome, followUp));
                }
            }
        }
        return rows;
    }
}
