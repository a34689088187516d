package org.liaisonprm.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.neo4j.cypher.internal.ast.Clause;
import org.neo4j.cypher.internal.ast.Finish;
import org.neo4j.cypher.internal.ast.LoadCSV;
import org.neo4j.cypher.internal.ast.Match;
import org.neo4j.cypher.internal.ast.Query;
import org.neo4j.cypher.internal.ast.Return;
import org.neo4j.cypher.internal.ast.Statement;
import org.neo4j.cypher.internal.ast.Statements;
import org.neo4j.cypher.internal.ast.SubqueryCall;
import org.neo4j.cypher.internal.ast.UnresolvedCall;
import org.neo4j.cypher.internal.ast.Unwind;
import org.neo4j.cypher.internal.ast.UseGraph;
import org.neo4j.cypher.internal.ast.With;
import org.neo4j.cypher.internal.expressions.Expression;
import org.neo4j.cypher.internal.expressions.FunctionInvocation;
import org.neo4j.cypher.internal.expressions.LabelName;
import org.neo4j.cypher.internal.expressions.LabelOrRelTypeName;
import org.neo4j.cypher.internal.expressions.NodePattern;
import org.neo4j.cypher.internal.expressions.Parameter;
import org.neo4j.cypher.internal.expressions.Range;
import org.neo4j.cypher.internal.expressions.RelTypeName;
import org.neo4j.cypher.internal.expressions.RelationshipChain;
import org.neo4j.cypher.internal.expressions.RelationshipPattern;
import org.neo4j.cypher.internal.expressions.StringLiteral;
import org.neo4j.cypher.internal.label_expressions.LabelExpression;
import org.neo4j.cypher.internal.parser.v5.ast.factory.Cypher5AstParser;
import org.neo4j.cypher.internal.util.OpenCypherExceptionFactory;
import scala.Option;
import scala.Product;

/**
 * The sandbox of user-written Cypher: ad-hoc queries, saved reports and their choices queries. It decides on
 * the statement as Neo4j's own Cypher 5 parser reads it (the parser the embedded server runs), never on the
 * text, and it is an allow-list throughout:
 * <ul>
 * <li>one query of reading clauses only ({@code MATCH}, {@code OPTIONAL MATCH}, {@code WITH}, {@code UNWIND},
 * {@code RETURN}, {@code UNION}, {@code CALL {…}} subqueries, {@code FINISH}) and calls of listed procedures;</li>
 * <li>every label and relationship type it names is one of the market model's ({@link SandboxPolicy});</li>
 * <li>every relationship pattern names its types; a node pattern names its labels, unless it is the end of
 * such a relationship traversed at least once (then it can only be a market node);</li>
 * <li>every function and procedure is on the list, matched on the name the parser resolved, so backticks,
 * spaces and comments make no difference; GDS runs only on the run's own projection {@code $graphName}.</li>
 * </ul>
 * What the parser cannot read, or what this class does not know, is refused.
 */
final class CypherSandbox {

    /** What the check learnt: whether the query builds the run's own GDS projection. */
    record Checked(boolean usesGraphName) {
    }

    private CypherSandbox() {
    }

    /**
     * @throws QueryRefusedException saying which part of the query is not allowed and why
     */
    static Checked check(String cypher) {
        if (cypher == null || cypher.isBlank()) {
            throw new QueryRefusedException("The query is empty");
        }
        Statements statements;
        try {
            statements = new Cypher5AstParser(cypher, new OpenCypherExceptionFactory(Option.empty()), Option.empty())
                    .statements();
        } catch (RuntimeException e) {
            throw new QueryRefusedException("The query is not Cypher that Liaison can check: " + firstLine(e.getMessage()));
        }
        if (statements.statements().size() != 1) {
            throw new QueryRefusedException("Send one statement at a time");
        }
        Statement statement = statements.statements().head();
        if (!(statement instanceof Query)) {
            throw new QueryRefusedException("Only queries that read the referral graph are allowed; schema and "
                    + "administration commands (" + keyword(statement) + ") are not");
        }
        var walk = new Walk();
        walk.visit(statement);
        return new Checked(walk.usesGraphName);
    }

    private static final class Walk {

        /** Node patterns that end a typed relationship traversed at least once. */
        private final Set<Object> anchored = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean usesGraphName;

        void visit(Object node) {
            if (node instanceof Clause clause) {
                clause(clause);
            } else if (node instanceof RelationshipChain chain) {
                chain(chain);
            } else if (node instanceof NodePattern pattern) {
                nodePattern(pattern);
            } else if (node instanceof RelationshipPattern pattern) {
                relationshipPattern(pattern);
            } else if (node instanceof LabelName label) {
                label(label.name());
            } else if (node instanceof RelTypeName type) {
                type(type.name());
            } else if (node instanceof LabelOrRelTypeName name) {
                if (!SandboxPolicy.LABELS.contains(name.name())
                        && !SandboxPolicy.RELATIONSHIP_TYPES.contains(name.name())) {
                    throw new QueryRefusedException(notVisible(name.name()));
                }
            } else if (node instanceof FunctionInvocation function) {
                function(function);
            } else if (node instanceof Parameter parameter
                    && SandboxPolicy.GRAPH_NAME_PARAMETER.equals(parameter.name())) {
                usesGraphName = true;
            }
            children(node).forEach(this::visit);
        }

        private void clause(Clause clause) {
            if (clause instanceof Match || clause instanceof With || clause instanceof Return
                    || clause instanceof Unwind || clause instanceof Finish) {
                return;
            }
            if (clause instanceof SubqueryCall subquery) {
                if (subquery.inTransactionsParameters().isDefined()) {
                    throw new QueryRefusedException("CALL { … } IN TRANSACTIONS is not allowed: a query runs in one "
                            + "read transaction");
                }
                return;
            }
            if (clause instanceof UnresolvedCall call) {
                procedure(call);
                return;
            }
            if (clause instanceof LoadCSV) {
                throw new QueryRefusedException("LOAD CSV is not allowed: queries read the graph, not files or URLs; "
                        + "load files with an import");
            }
            if (clause instanceof UseGraph) {
                throw new QueryRefusedException("USE is not allowed: queries read Liaison's graph only");
            }
            throw new QueryRefusedException("The clause " + keyword(clause) + " is not allowed: queries may only read "
                    + "(MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, UNION, CALL subqueries)");
        }

        private void procedure(UnresolvedCall call) {
            String name = qualified(call.procedureNamespace().parts(), call.procedureName().name());
            if (!SandboxPolicy.isProcedureAllowed(name)) {
                throw new QueryRefusedException("The procedure " + name + " is not allowed; queries may call GDS "
                        + "algorithms in stream or stats mode on $graphName and "
                        + "db.index.fulltext.queryNodes('providerSearch', …)");
            }
            List<Expression> arguments = call.declaredArguments().isDefined()
                    ? list(call.declaredArguments().get()) : List.of();
            if (SandboxPolicy.isGdsAlgorithm(name)) {
                if (arguments.isEmpty() || !isGraphName(arguments.get(0))) {
                    throw new QueryRefusedException("GDS runs only on the run's own projection: call " + name
                            + "($graphName, …) after gds.graph.project($graphName, source, target, …)");
                }
            } else if (arguments.isEmpty() || !(arguments.get(0) instanceof StringLiteral index)
                    || !SandboxPolicy.SEARCH_INDEX.equals(index.value())) {
                throw new QueryRefusedException("Full-text search is allowed on the index '" + SandboxPolicy.SEARCH_INDEX
                        + "' only, named as a string");
            }
        }

        private void function(FunctionInvocation function) {
            String name = qualified(function.functionName().namespace().parts(), function.functionName().name());
            if (SandboxPolicy.PROJECTION_FUNCTION.equalsIgnoreCase(name)) {
                if (function.args().isEmpty() || !isGraphName(function.args().head())) {
                    throw new QueryRefusedException("Name the GDS projection $graphName: Liaison names it for this run "
                            + "and drops it afterwards");
                }
                return;
            }
            if (name.equalsIgnoreCase("gds.util.asNode") || name.equalsIgnoreCase("gds.util.asNodes")) {
                throw new QueryRefusedException(name + " is not allowed: it reads any node by id. Match the node "
                        + "instead: MATCH (p:Physician) WHERE id(p) = nodeId");
            }
            if (!SandboxPolicy.isFunctionAllowed(name)) {
                throw new QueryRefusedException("The function " + name + " is not allowed in queries");
            }
        }

        private void chain(RelationshipChain chain) {
            var nodes = new ArrayList<NodePattern>();
            boolean everyStepTraversed = collect(chain, nodes);
            if (everyStepTraversed) {
                anchored.addAll(nodes);
            }
        }

        /** Collects a chain's node patterns; true when each of its relationships is traversed at least once. */
        private static boolean collect(RelationshipChain chain, List<NodePattern> nodes) {
            boolean traversed = traversedAtLeastOnce(chain.relationship());
            nodes.add(chain.rightNode());
            if (chain.element() instanceof RelationshipChain inner) {
                return collect(inner, nodes) && traversed;
            }
            if (chain.element() instanceof NodePattern left) {
                nodes.add(left);
                return traversed;
            }
            return false;
        }

        private static boolean traversedAtLeastOnce(RelationshipPattern pattern) {
            Option<Option<Range>> length = pattern.length();
            if (length.isEmpty()) {
                return true;
            }
            Option<Range> range = length.get();
            if (range.isEmpty() || range.get().lower().isEmpty()) {
                return true; // [*] and [*..n] start at one
            }
            return range.get().lower().get().value() >= 1;
        }

        private void nodePattern(NodePattern pattern) {
            if (pattern.labelExpression().isEmpty()) {
                if (!anchored.contains(pattern)) {
                    throw new QueryRefusedException("Give every node pattern a label of the referral graph, e.g. "
                            + "(p:Physician) instead of (" + variable(pattern.variable()) + "): unlabelled patterns "
                            + "would reach application data");
                }
                return;
            }
            labelExpression(pattern.labelExpression().get());
        }

        private void relationshipPattern(RelationshipPattern pattern) {
            if (pattern.labelExpression().isEmpty()) {
                throw new QueryRefusedException("Give every relationship pattern a type of the referral graph, e.g. "
                        + "-[r:REFERRED]->: untyped relationships would reach application data");
            }
            labelExpression(pattern.labelExpression().get());
        }

        /** Labels and types in a pattern: names and their combinations with {@code |}, {@code &} and {@code :}. */
        private static void labelExpression(LabelExpression expression) {
            if (expression instanceof LabelExpression.Negation) {
                throw new QueryRefusedException("Negated labels and types (!) are not allowed in patterns: name the "
                        + "labels of the referral graph to match");
            }
            if (expression instanceof LabelExpression.Wildcard) {
                throw new QueryRefusedException("The wildcard label (%) is not allowed in patterns: name the labels "
                        + "of the referral graph to match");
            }
            if (!(expression instanceof LabelExpression.Leaf || expression instanceof LabelExpression.Disjunctions
                    || expression instanceof LabelExpression.Conjunctions
                    || expression instanceof LabelExpression.ColonConjunction
                    || expression instanceof LabelExpression.ColonDisjunction)) {
                throw new QueryRefusedException("Dynamic labels and types are not allowed in patterns: name the labels "
                        + "of the referral graph to match");
            }
            for (Object child : children(expression)) {
                if (child instanceof LabelExpression inner) {
                    labelExpression(inner);
                }
            }
        }

        private static void label(String name) {
            if (!SandboxPolicy.LABELS.contains(name)) {
                throw new QueryRefusedException(notVisible(name));
            }
        }

        private static void type(String name) {
            if (!SandboxPolicy.RELATIONSHIP_TYPES.contains(name)) {
                throw new QueryRefusedException("The relationship type " + name + " is not part of the referral graph "
                        + "that queries can read (docs/graph-model.md)");
            }
        }
    }

    private static String notVisible(String name) {
        return "The label " + name + " is not part of the referral graph that queries can read "
                + "(docs/graph-model.md); application data is not readable through Cypher";
    }

    private static boolean isGraphName(Object expression) {
        return expression instanceof Parameter parameter
                && SandboxPolicy.GRAPH_NAME_PARAMETER.equals(parameter.name());
    }

    /** The full dotted name, whichever way it was split into namespace and name (backticks may hold dots). */
    private static String qualified(scala.collection.immutable.List<String> namespace, String name) {
        var parts = list(namespace);
        parts.add(name);
        return String.join(".", parts);
    }

    private static String variable(Option<?> variable) {
        return variable.isDefined() && variable.get() instanceof org.neo4j.cypher.internal.expressions.LogicalVariable v
                ? v.name() : "";
    }

    /** The children of a parse-tree node: the fields of a Scala case class, the elements of a collection. */
    private static List<Object> children(Object node) {
        var children = new ArrayList<Object>();
        scala.collection.Iterator<?> elements = node instanceof scala.collection.Iterable<?> iterable
                ? iterable.iterator()
                : node instanceof Product product ? product.productIterator() : null;
        while (elements != null && elements.hasNext()) {
            children.add(elements.next());
        }
        return children;
    }

    private static <T> List<T> list(scala.collection.Iterable<T> iterable) {
        var list = new ArrayList<T>();
        var elements = iterable.iterator();
        while (elements.hasNext()) {
            list.add(elements.next());
        }
        return list;
    }

    private static String keyword(Object node) {
        return node.getClass().getSimpleName().replaceAll("Clause$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toUpperCase();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "it does not parse";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
