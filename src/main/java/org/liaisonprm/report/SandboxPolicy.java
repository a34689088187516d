package org.liaisonprm.report;

import java.util.Locale;
import java.util.Set;

/**
 * What user-written Cypher (ad-hoc queries, saved reports and their choices queries) may name: the market
 * model of {@code docs/graph-model.md} and a list of functions and procedures. Everything else is refused:
 * application data (users, tokens, the audit trail, saved reports, imports, outreach) and every function or
 * procedure not listed here.
 * <p>
 * The relationship types below connect only the labels below, so a node reached through one of them is
 * part of the market model too ({@code SandboxPolicyTests} checks this on the demo region).
 */
final class SandboxPolicy {

    /** Node labels of the market model. */
    static final Set<String> LABELS = Set.of("Physician", "Practice", "Facility", "HealthSystem", "Payer",
            "ReferralRollup", "SenderTotals", "LeakageTotals", "Territory");

    /** Relationship types of the market model. */
    static final Set<String> RELATIONSHIP_TYPES = Set.of("REFERRED", "PRACTICES_AT", "EMPLOYED_BY",
            "AFFILIATED_WITH", "PART_OF");

    /** Neo4j's own functions, by lower-case name: pure computations on the values they are given. */
    private static final Set<String> BUILT_IN_FUNCTIONS = Set.of("abs", "acos", "all", "any", "asin", "atan",
            "atan2", "avg", "btrim", "ceil", "char_length", "character_length", "coalesce", "collect", "cos", "cot",
            "count", "date", "date.realtime", "date.statement", "date.transaction", "date.truncate", "datetime",
            "datetime.fromepoch", "datetime.fromepochmillis", "datetime.realtime", "datetime.statement",
            "datetime.transaction", "datetime.truncate", "degrees", "duration", "duration.between",
            "duration.indays", "duration.inmonths", "duration.inseconds", "e", "elementid", "endnode", "exists",
            "exp", "floor", "haversin", "head", "id", "isempty", "isnan", "keys", "labels", "last", "left",
            "length", "localdatetime", "localdatetime.realtime", "localdatetime.statement",
            "localdatetime.transaction", "localdatetime.truncate", "localtime", "localtime.realtime",
            "localtime.statement", "localtime.transaction", "localtime.truncate", "log", "log10", "lower", "ltrim",
            "max", "min", "nodes", "none", "normalize", "nullif", "percentilecont", "percentiledisc", "pi", "point",
            "point.distance", "point.withinbbox", "properties", "radians", "rand", "randomuuid", "range", "reduce",
            "relationships", "replace", "reverse", "right", "round", "rtrim", "sign", "sin", "single", "size",
            "split", "sqrt", "startnode", "stdev", "stdevp", "substring", "sum", "tail", "tan", "time",
            "time.realtime", "time.statement", "time.transaction", "time.truncate", "timestamp", "toboolean",
            "tobooleanlist", "tobooleanornull", "tofloat", "tofloatlist", "tofloatornull", "tointeger",
            "tointegerlist", "tointegerornull", "tolower", "tostring", "tostringlist", "tostringornull", "toupper",
            "trim", "type", "upper", "valuetype", "vector.similarity.cosine", "vector.similarity.euclidean");

    /** APOC and GDS functions that compute on their arguments only and read nothing from the store. */
    private static final Set<String> PLUGIN_FUNCTIONS = Set.of(
            "apoc.version",
            "apoc.coll.sum", "apoc.coll.avg", "apoc.coll.min", "apoc.coll.max", "apoc.coll.sort",
            "apoc.coll.sortmaps", "apoc.coll.sortmulti", "apoc.coll.toset", "apoc.coll.flatten",
            "apoc.coll.frequencies", "apoc.coll.frequenciesasmap", "apoc.coll.pairs", "apoc.coll.pairsmin",
            "apoc.coll.zip", "apoc.coll.union", "apoc.coll.unionall", "apoc.coll.intersection",
            "apoc.coll.subtract", "apoc.coll.contains", "apoc.coll.containsall", "apoc.coll.indexof",
            "apoc.coll.runningtotal", "apoc.coll.sumlongs", "apoc.coll.occurrences", "apoc.coll.duplicates",
            "apoc.coll.reverse", "apoc.coll.remove", "apoc.coll.different", "apoc.coll.disjunction",
            "apoc.map.frompairs", "apoc.map.fromlists", "apoc.map.fromvalues", "apoc.map.merge",
            "apoc.map.mergelist", "apoc.map.setkey", "apoc.map.removekey", "apoc.map.removekeys", "apoc.map.clean",
            "apoc.map.get", "apoc.map.mget", "apoc.map.values", "apoc.map.groupby", "apoc.map.groupbymulti",
            "apoc.map.sortedproperties", "apoc.map.flatten", "apoc.map.submap",
            "apoc.text.join", "apoc.text.replace", "apoc.text.regreplace", "apoc.text.regexgroups",
            "apoc.text.split", "apoc.text.clean", "apoc.text.comparecleaned", "apoc.text.capitalize",
            "apoc.text.capitalizeall", "apoc.text.lpad", "apoc.text.rpad", "apoc.text.format",
            "apoc.text.levenshteindistance", "apoc.text.levenshteinsimilarity", "apoc.text.jarowinklerdistance",
            "apoc.text.sorensendicesimilarity", "apoc.text.fuzzymatch", "apoc.text.slug", "apoc.text.camelcase",
            "apoc.text.snakecase", "apoc.text.uppercamelcase", "apoc.text.repeat", "apoc.text.indexof",
            "apoc.text.distance",
            "gds.util.nan", "gds.util.infinity", "gds.util.isfinite", "gds.util.isinfinite",
            "gds.similarity.cosine", "gds.similarity.euclidean", "gds.similarity.euclideandistance",
            "gds.similarity.jaccard", "gds.similarity.overlap", "gds.similarity.pearson");

    /**
     * The GDS aggregation that builds a projection from the rows a checked query matched. Its first argument
     * must be {@code $graphName}, the name the runner gives the run and drops afterwards.
     */
    static final String PROJECTION_FUNCTION = "gds.graph.project";

    /** GDS algorithms that may run on the run's own projection, in stream or stats mode only. */
    private static final Set<String> GDS_ALGORITHMS = Set.of("pagerank", "articlerank", "eigenvector",
            "betweenness", "degree", "closeness", "harmonic", "hits", "louvain", "leiden", "labelpropagation",
            "wcc", "scc", "trianglecount", "localclusteringcoefficient", "kcore", "modularity", "k1coloring",
            "nodesimilarity", "knn", "shortestpath.dijkstra", "shortestpath.astar", "shortestpath.yens",
            "allshortestpaths.delta", "allshortestpaths.dijkstra", "bfs", "dfs", "randomwalk",
            "conductance", "maxkcut", "approxmaxkcut", "bellmanford", "kmeans", "hdbscan", "articulationpoints",
            "bridges");

    /** The full-text index that may be searched: it covers physicians, practices and facilities only. */
    static final String SEARCH_PROCEDURE = "db.index.fulltext.querynodes";
    static final String SEARCH_INDEX = "providerSearch";

    /** The parameter the runner sets to the name of a run's own GDS projection. */
    static final String GRAPH_NAME_PARAMETER = "graphName";

    private SandboxPolicy() {
    }

    static boolean isFunctionAllowed(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return BUILT_IN_FUNCTIONS.contains(key) || PLUGIN_FUNCTIONS.contains(key);
    }

    /** A GDS algorithm in stream or stats mode, e.g. {@code gds.pageRank.stream} or {@code gds.alpha.kcore.stats}. */
    static boolean isGdsAlgorithm(String procedure) {
        String key = procedure.toLowerCase(Locale.ROOT);
        for (String mode : new String[] {".stream", ".stats"}) {
            if (key.endsWith(mode)) {
                String algorithm = key.substring(0, key.length() - mode.length());
                for (String tier : new String[] {"gds.", "gds.alpha.", "gds.beta."}) {
                    if (algorithm.startsWith(tier) && GDS_ALGORITHMS.contains(algorithm.substring(tier.length()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean isProcedureAllowed(String procedure) {
        return isGdsAlgorithm(procedure) || SEARCH_PROCEDURE.equals(procedure.toLowerCase(Locale.ROOT));
    }
}
