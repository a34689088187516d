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
import org.neo4j.driver.Driver;
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

    private static final String RETURN_TERRITORY = """
            CALL (t) {
              OPTIONAL MATCH (u:User)-[:COVERS]->(t)
              WITH u ORDER BY u.username
              RETURN collect(u.username) AS liaisons
            }
            CALL (t) {
              MATCH (p:Physician) WHERE p.zip IN t.zips
              RETURN count(p) AS physicians
            }
            RETURN t.id AS id, t.name AS name, t.zips AS zips, liaisons, physicians
            ORDER BY toLower(t.name), t.id
            """;

    private final Driver driver;
    private final AuditTrail audit;

    Territories(Driver driver, AuditTrail audit) {
        this.driver = driver;
        this.audit = audit;
    }

    /** The territories the user may see: all for administrators and managers, their own for a liaison. */
    public List<Territory> visibleTo(CurrentUser user) {
        if (user.seesTeam()) {
            return read("MATCH (t:Territory) " + RETURN_TERRITORY, Map.of());
        }
        return coveredBy(user.username());
    }

    /** The territories a user covers. */
    public List<Territory> coveredBy(String username) {
        return read("MATCH (:User {username: $username})-[:COVERS]->(t:Territory) " + RETURN_TERRITORY,
                Map.of("username", username == null ? "" : username));
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
        try (var session = driver.session()) {
            session.executeWrite(tx -> {
                var known = tx.run("MATCH (u:User) WHERE u.username IN $names RETURN collect(u.username) AS known",
                        Map.of("names", covering)).single().get("known").asList(Value::asString);
                for (String liaison : covering) {
                    if (!known.contains(liaison)) {
                        throw new OutreachException("liaisons", "There is no user '" + liaison + "'");
                    }
                }
                if (id != null && !tx.run("MATCH (t:Territory {id: $id}) RETURN t", Map.of("id", id)).hasNext()) {
                    throw new OutreachException("id", "There is no territory '" + id + "'");
                }
                tx.run("""
                        MERGE (t:Territory {id: $id})
                          ON CREATE SET t.createdAt = datetime()
                        SET t.name = $name, t.zips = $zips, t.updatedAt = datetime()
                        WITH t
                        OPTIONAL MATCH (:User)-[c:COVERS]->(t)
                        DELETE c
                        WITH DISTINCT t
                        UNWIND $liaisons AS liaison
                        MATCH (u:User {username: liaison})
                        MERGE (u)-[:COVERS]->(t)
                        """, Map.of("id", territoryId, "name", name.strip(), "zips", zips, "liaisons", covering))
                        .consume();
                return null;
            });
        }
        return read("MATCH (t:Territory {id: $id}) " + RETURN_TERRITORY, Map.of("id", territoryId)).get(0);
    }

    /** Removes a territory (its goals stay, scoped to nothing, until removed). */
    public void delete(String id, CurrentUser user) {
        if (!user.managesTerritories()) {
            throw new AccessDeniedException("Only administrators and managers change territories");
        }
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("MATCH (t:Territory {id: $id}) DETACH DELETE t", Map.of("id", id)).consume());
        }
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
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (u:User {username: $username})
                    OPTIONAL MATCH (u)-[c:COVERS]->(:Territory)
                    DELETE c
                    WITH DISTINCT u
                    UNWIND $ids AS id
                    MATCH (t:Territory {id: id})
                    MERGE (u)-[:COVERS]->(t)
                    """, Map.of("username", username, "ids", territoryIds)).consume());
        }
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
        try (var session = driver.session()) {
            var taken = session.executeRead(tx -> tx.run(
                    "MATCH (t:Territory) WHERE t.id STARTS WITH $base RETURN collect(t.id) AS ids",
                    Map.of("base", prefix)).single().get("ids").asList(Value::asString));
            String id = prefix;
            for (int n = 2; taken.contains(id); n++) {
                id = prefix + "-" + n;
            }
            return id;
        }
    }

    private List<Territory> read(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list(Territories::territory));
        }
    }

    private static Territory territory(Record r) {
        return new Territory(r.get("id").asString(), r.get("name").asString(), r.get("zips").asList(Value::asString),
                r.get("liaisons").asList(Value::asString), r.get("physicians").asLong());
    }
}
