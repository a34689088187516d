package org.liaisonprm.network;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.liaisonprm.report.ReportResult;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Reads a provider's profile: identity, affiliations, referrals in and out by service line and month,
 * kept share over time and the busiest partners. Read transactions only.
 */
@Service
public class ProfileService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.US);

    private static final Cypher IDENTITY = Cypher.load("network/profile-identity");
    /** For a practice, the referrals of its physicians; otherwise the node's own. */
    private static final Cypher SENT_BY_MONTH = Cypher.load("network/profile-sent-by-month");
    private static final Cypher RECEIVED_BY_MONTH = Cypher.load("network/profile-received-by-month");
    private static final Cypher PARTNERS = Cypher.load("network/profile-partners");

    private final Graph graph;
    private final NetworkService network;

    ProfileService(Graph graph, NetworkService network) {
        this.graph = graph;
        this.network = network;
    }

    public Optional<ProviderProfile> profile(String id) {
        var period = network.defaultPeriod();
        return graph.read(tx -> profile(tx, id, period));
    }

    private Optional<ProviderProfile> profile(Graph.Tx tx, String id, NetworkService.Period period) {
        // 24 months for the charts, the last 12 for the totals
        var chartFrom = period.to().minusMonths(24);
        Optional<Record> found = tx.first(IDENTITY, Map.of("id", id), r -> r);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Record row = found.get();
        Value n = row.get("n");
        List<String> labels = row.get("labels").asList(Value::asString);
        var kind = labels.contains("Physician") ? NetworkPicture.Kind.PHYSICIAN
                : labels.contains("Practice") ? NetworkPicture.Kind.PRACTICE : NetworkPicture.Kind.FACILITY;
        var identity = new ArrayList<ProviderProfile.Fact>();
        add(identity, "NPI", n.get("npi").asString(null));
        add(identity, kind == NetworkPicture.Kind.PHYSICIAN ? "Specialty" : "Type",
                kind == NetworkPicture.Kind.FACILITY ? n.get("type").asString(null) : n.get("specialty").asString(null));
        add(identity, "Service line", n.get("serviceLine").asString(null));
        add(identity, "Practice", String.join(", ", row.get("practices").asList(Value::asString)));
        add(identity, "Privileges at", String.join(", ", row.get("affiliations").asList(Value::asString)));
        if (kind == NetworkPicture.Kind.PRACTICE) {
            add(identity, "Physicians", String.valueOf(row.get("members").asLong()));
        }
        add(identity, "Health system", row.get("healthSystem").asString(null));
        add(identity, "Address", join(n.get("address").asString(null), n.get("city").asString(null),
                n.get("state").asString(null), n.get("zip").asString(null)));
        add(identity, "Id", n.get("id").asString());

        Map<String, Object> params = Map.of("id", id, "from", chartFrom, "to", period.to());
        var sentRows = new ArrayList<List<Object>>();
        var keptRows = new ArrayList<List<Object>>();
        var keptByMonth = new java.util.TreeMap<String, long[]>();
        long sent = 0;
        long kept = 0;
        long leaked = 0;
        for (Record r : tx.list(SENT_BY_MONTH, params, x -> x)) {
            var month = r.get("month").asLocalDate();
            String label = MONTH.format(month);
            sentRows.add(List.of(label, r.get("serviceLine").asString("Other"), r.get("referrals").asLong()));
            keptByMonth.computeIfAbsent(label, k -> new long[2])[0] += r.get("kept").asLong();
            keptByMonth.get(label)[1] += r.get("kept").asLong() + r.get("leaked").asLong();
            if (!month.isBefore(period.from())) {
                sent += r.get("referrals").asLong();
                kept += r.get("kept").asLong();
                leaked += r.get("leaked").asLong();
            }
        }
        keptByMonth.forEach((month, counts) -> keptRows.add(List.of(month, "kept share",
                counts[1] == 0 ? 0L : Math.round(100.0 * counts[0] / counts[1]))));
        var receivedRows = new ArrayList<List<Object>>();
        long received = 0;
        for (Record r : tx.list(RECEIVED_BY_MONTH, params, x -> x)) {
            var month = r.get("month").asLocalDate();
            receivedRows.add(List.of(MONTH.format(month), r.get("serviceLine").asString("Other"), r.get("referrals").asLong()));
            if (!month.isBefore(period.from())) {
                received += r.get("referrals").asLong();
            }
        }
        Map<String, Object> last12 = Map.of("id", id, "from", period.from(), "to", period.to());
        return Optional.of(new ProviderProfile(id, kind, n.get("name").asString(id), n.get("network").asString("OUT"),
                identity, sent, received, kept, leaked,
                new ReportResult(List.of("month", "serviceLine", "referrals"), sentRows, false, 0),
                new ReportResult(List.of("month", "serviceLine", "referrals"), receivedRows, false, 0),
                new ReportResult(List.of("month", "series", "keptPercent"), keptRows, false, 0),
                partners(tx, last12, true), partners(tx, last12, false)));
    }

    private static List<ProviderProfile.Partner> partners(Graph.Tx tx, Map<String, Object> params, boolean sent) {
        var withDirection = new java.util.HashMap<>(params);
        withDirection.put("sent", sent);
        return List.copyOf(tx.list(PARTNERS, withDirection,
                r -> new ProviderProfile.Partner(r.get("id").asString(), r.get("name").asString(""),
                        org.liaisonprm.base.FacilityType.detailOf(r.get("detail").asString(null)), r.get("network").asString("OUT"), r.get("referrals").asLong())));
    }

    private static void add(List<ProviderProfile.Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new ProviderProfile.Fact(label, value));
        }
    }

    private static String join(String... parts) {
        return String.join(", ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }
}
