package org.liaisonprm.outreach;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.graph.Cypher;
import org.liaisonprm.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Territories and who covers them: {@code (:Territory {id, name, zips})} and
 * {@code (:User)-[:COVERS]->(:Territory)}. Administrators and managers see and edit all of them; a liaison
 * sees those they cover.
 */
@Service
public class Territories {

    private static final Pattern ZIP = Pattern.compile("\\d{5}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private static final Cypher ALL = Cypher.load("outreach/territories");
    private static final Cypher COVERED_BY = Cypher.load("outreach/territories-covered-by");
    private static final Cypher ONE = Cypher.load("outreach/territory");
    private static final Cypher EXISTS = Cypher.load("outreach/territory-exists");
    private static final Cypher KNOWN_USERS = Cypher.load("outreach/known-users");
    private static final Cypher SAVE = Cypher.load("outreach/save-territory");
    private static final Cypher DELETE = Cypher.load("outreach/delete-territory");
    private static final Cypher ASSIGN = Cypher.load("outreach/assign-territories");
    private static final Cypher IDS_STARTING_WITH = Cypher.load("outreach/territory-ids-starting-with");

    private final Graph graph;
    private final AuditTrail audit;

    Territories(Graph graph, AuditTrail audit) {
        this.graph = graph;
        this.audit = audit;
    }

    /** The territories the user may see: all for administrators and managers, their own for a liaison. */
    public List<Territory> visibleTo(CurrentUser user) {
        if (user.seesTeam()) {
            return graph.read(ALL, Map.of(), Territories::territory);
        }
        return coveredBy(user.username());
    }

    /** The territories a user covers. */
    public List<Territory> coveredBy(String username) {
        return graph.read(COVERED_BY, Map.of("username", username == null ? "" : username), Territories::territory);
    }

    /** One territory, when the user may see it. */
    public Optional<Territory> find(String id, CurrentUser user) {
        return visibleTo(user).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * Creates ({@code id} null) or changes a territory and sets who covers it, in one transaction.
     *
     * @param zipText  ZIP codes separated by spaces, commas, semicolons or new lines
     * @param liaisons user names; each must exist
     * @throws OutreachException naming the field (name, zips, liaisons) that is refused; nothing is saved
     */
    public Territory save(String id, String name, String zipText, List<String> liaisons, CurrentUser user) {
        if (!user.managesTerritories()) {
            throw new AccessDeniedException("Only administrators and managers change territories");
        }
        if (name == null || name.isBlank()) {
            throw new OutreachException("name", "A territory needs a name");
        }
        if (name.strip().length() > 120) {
            throw new OutreachException("name", "A territory name has at most 120 characters");
        }
        List<String> zips = zips(zipText);
        List<String> covering = liaisons == null ? List.of() : liaisons.stream().distinct().toList();
        String territoryId = id != null ? id : uniqueId(name);
        graph.write(tx -> {
            var known = tx.first(KNOWN_USERS, Map.of("names", covering), r -> r.get("known").asList(Value::asString))
                    .orElseThrow();
            for (String liaison : covering) {
                if (!known.contains(liaison)) {
                    throw new OutreachException("liaisons", "There is no user '" + liaison + "'");
                }
            }
            if (id != null && tx.first(EXISTS, Map.of("id", id), r -> true).isEmpty()) {
                throw new OutreachException("id", "There is no territory '" + id + "'");
            }
            tx.run(SAVE, Map.of("id", territoryId, "name", name.strip(), "zips", zips, "liaisons", covering));
            return null;
        });
        return graph.read(ONE, Map.of("id", territoryId), Territories::territory).get(0);
    }

    /** Removes a territory (its goals stay, scoped to nothing, until removed). */
    public void delete(String id, CurrentUser user) {
        if (!user.managesTerritories()) {
            throw new AccessDeniedException("Only administrators and managers change territories");
        }
        graph.write(DELETE, Map.of("id", id));
    }

    /**
     * Sets the territories a user covers (from user management); a change leaves one {@code USER_CHANGED}
     * audit event naming the territories before and after.
     */
    public void assign(String username, List<String> territoryIds, CurrentUser by) {
        if (!by.managesTerritories()) {
            throw new AccessDeniedException("Only administrators and managers assign territories");
        }
        var before = coveredBy(username).stream().map(Territory::id).sorted().toList();
        var after = territoryIds.stream().distinct().sorted().toList();
        if (before.equals(after)) {
            return;
        }
        graph.write(ASSIGN, Map.of("username", username, "ids", territoryIds));
        audit.record(AuditType.USER_CHANGED, by.username(), username, "territories " + before + " -> " + after, null, null);
    }

    /**
     * Reads a list of ZIP codes: 5 digits each, separated by spaces, commas, semicolons or new lines;
     * duplicates are dropped, the order kept.
     *
     * @throws OutreachException on the first malformed code, quoting it
     */
    public static List<String> zips(String text) {
        var zips = new LinkedHashSet<String>();
        if (text != null) {
            for (String code : SEPARATORS.split(text.strip())) {
                if (code.isEmpty()) {
                    continue;
                }
                if (!ZIP.matcher(code).matches()) {
                    throw new OutreachException("zips", "'" + code + "' is not a 5-digit ZIP code");
                }
                zips.add(code);
            }
        }
        if (zips.isEmpty()) {
            throw new OutreachException("zips", "A territory needs at least one ZIP code");
        }
        return new ArrayList<>(zips);
    }

    private String uniqueId(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String prefix = base.isEmpty() ? "territory" : base;
        var taken = graph.readOne(IDS_STARTING_WITH, Map.of("base", prefix), r -> r.get("ids").asList(Value::asString))
                .orElseThrow();
        String id = prefix;
        for (int n = 2; taken.contains(id); n++) {
            id = prefix + "-" + n;
        }
        return id;
    }

    private static Territory territory(Record r) {
        return new Territory(r.get("id").asString(), r.get("name").asString(), r.get("zips").asList(Value::asString),
                r.get("liaisons").asList(Value::asString), r.get("physicians").asLong());
    }
}
