package org.liaisonprm.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Turns driver values into plain Java values that views and JSON understand. Nodes become maps with
 * {@code _type: "node"}, {@code _id}, {@code _labels} and their properties; relationships maps with
 * {@code _type: "relationship"}, {@code _relType}, {@code _start}, {@code _end}; paths maps with
 * {@code _type: "path"}, {@code nodes} and {@code relationships}.
 */
final class GraphValues {

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private GraphValues() {
    }

    static Object plain(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.hasType(TYPES.NODE())) {
            return node(value.asNode());
        }
        if (value.hasType(TYPES.RELATIONSHIP())) {
            return relationship(value.asRelationship());
        }
        if (value.hasType(TYPES.PATH())) {
            Path path = value.asPath();
            var nodes = new ArrayList<Object>();
            path.nodes().forEach(n -> nodes.add(node(n)));
            var relationships = new ArrayList<Object>();
            path.relationships().forEach(r -> relationships.add(relationship(r)));
            var map = new LinkedHashMap<String, Object>();
            map.put("_type", "path");
            map.put("nodes", nodes);
            map.put("relationships", relationships);
            return map;
        }
        if (value.hasType(TYPES.LIST())) {
            List<Object> list = new ArrayList<>();
            value.values().forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value.hasType(TYPES.MAP())) {
            var map = new LinkedHashMap<String, Object>();
            value.keys().forEach(k -> map.put(k, plain(value.get(k))));
            return map;
        }
        if (value.hasType(TYPES.DURATION())) {
            return value.asIsoDuration().toString();
        }
        if (value.hasType(TYPES.POINT())) {
            var point = value.asPoint();
            var map = new LinkedHashMap<String, Object>();
            map.put("srid", point.srid());
            map.put("x", point.x());
            map.put("y", point.y());
            return map;
        }
        return value.asObject();
    }

    /**
     * Checks a value of user-written Cypher before it is shown: every node, relationship and path in it must
     * belong to the market model. The sandbox's checks of the query make this unreachable; it is the last
     * line, so that a way round them would still show nothing.
     *
     * @throws QueryRefusedException when the value holds application data
     */
    static void checkVisible(Value value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.hasType(TYPES.NODE())) {
            checkLabels(value.asNode());
        } else if (value.hasType(TYPES.RELATIONSHIP())) {
            checkType(value.asRelationship());
        } else if (value.hasType(TYPES.PATH())) {
            Path path = value.asPath();
            path.nodes().forEach(GraphValues::checkLabels);
            path.relationships().forEach(GraphValues::checkType);
        } else if (value.hasType(TYPES.LIST()) || value.hasType(TYPES.MAP())) {
            value.values().forEach(GraphValues::checkVisible);
        }
    }

    private static void checkLabels(Node node) {
        for (String label : node.labels()) {
            if (!SandboxPolicy.LABELS.contains(label)) {
                throw new QueryRefusedException("The query returned a " + label + " node, which is not part of "
                        + "the referral graph that queries can read");
            }
        }
    }

    private static void checkType(Relationship relationship) {
        if (!SandboxPolicy.RELATIONSHIP_TYPES.contains(relationship.type())) {
            throw new QueryRefusedException("The query returned a " + relationship.type() + " relationship, which is "
                    + "not part of the referral graph that queries can read");
        }
    }

    static String nodeId(Node node) {
        return node.containsKey("id") ? node.get("id").asString(node.elementId()) : node.elementId();
    }

    private static Map<String, Object> node(Node node) {
        var map = new LinkedHashMap<String, Object>();
        map.put("_type", "node");
        map.put("_id", nodeId(node));
        var labels = new ArrayList<String>();
        node.labels().forEach(labels::add);
        map.put("_labels", labels);
        node.keys().forEach(k -> map.putIfAbsent(k, plain(node.get(k))));
        return map;
    }

    private static Map<String, Object> relationship(Relationship relationship) {
        var map = new LinkedHashMap<String, Object>();
        map.put("_type", "relationship");
        map.put("_relType", relationship.type());
        map.put("_start", relationship.startNodeElementId());
        map.put("_end", relationship.endNodeElementId());
        relationship.keys().forEach(k -> map.putIfAbsent(k, plain(relationship.get(k))));
        return map;
    }
}
