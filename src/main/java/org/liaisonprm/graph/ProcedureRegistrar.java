package org.liaisonprm.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserAggregationFunction;
import org.neo4j.procedure.UserFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Registers the APOC core and Graph Data Science procedures with an embedded DBMS.
 * <p>
 * A Neo4j server finds plugins in its {@code plugins/} folder; embedded, they are plain classes on our
 * class path. GDS lists its procedure classes in {@code META-INF/services} files; APOC does not, so its
 * classes are found by package, and only the packages Liaison uses are registered. Both work from inside the
 * repackaged Spring Boot jar.
 */
final class ProcedureRegistrar {

    private static final Logger log = LoggerFactory.getLogger(ProcedureRegistrar.class);

    /**
     * The APOC packages Liaison uses: collection, map and text functions and the version. Everything else in
     * APOC core (nested Cypher, loading and exporting files and URLs, triggers, refactoring) is not loaded.
     */
    private static final List<String> APOC_PACKAGES = List.of("apoc.coll.", "apoc.map.", "apoc.text.", "apoc.version.");

    private ProcedureRegistrar() {
    }

    static void registerAll(GraphDatabaseAPI db) {
        var procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        ClassLoader loader = ProcedureRegistrar.class.getClassLoader();
        var classes = new LinkedHashSet<String>();
        classes.addAll(listedServices(loader, "META-INF/services/org.neo4j.procedure.Procedure"));
        classes.addAll(listedServices(loader, "META-INF/services/org.neo4j.procedure.UserFunction"));
        classes.addAll(apocClasses(loader));

        int registered = 0;
        var skipped = new LinkedHashSet<String>();
        for (String name : classes) {
            try {
                registered += register(procedures, Class.forName(name, false, loader));
            } catch (Exception | LinkageError e) {
                skipped.add(name + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        log.info("Registered {} procedure and function classes (APOC core, GDS)", registered);
        if (!skipped.isEmpty()) {
            log.debug("Classes not registered as procedures: {}", skipped);
        }
    }

    private static int register(GlobalProcedures procedures, Class<?> type) throws Exception {
        boolean procedure = false;
        boolean function = false;
        boolean aggregation = false;
        for (Method method : type.getDeclaredMethods()) {
            procedure |= has(method, Procedure.class);
            function |= has(method, UserFunction.class);
            aggregation |= has(method, UserAggregationFunction.class);
        }
        if (procedure) {
            procedures.registerProcedure(type);
        }
        if (function) {
            procedures.registerFunction(type);
        }
        if (aggregation) {
            procedures.registerAggregationFunction(type);
        }
        return procedure || function || aggregation ? 1 : 0;
    }

    private static boolean has(Method method, Class<? extends Annotation> annotation) {
        return method.isAnnotationPresent(annotation);
    }

    private static Set<String> listedServices(ClassLoader loader, String resource) {
        var names = new LinkedHashSet<String>();
        try {
            for (URL url : Collections.list(loader.getResources(resource))) {
                try (var in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    in.lines().map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return names;
    }

    private static Set<String> apocClasses(ClassLoader loader) {
        var names = new LinkedHashSet<String>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(loader)
                    .getResources("classpath*:apoc/**/*.class");
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                // jar:...apoc-core.jar!/apoc/coll/Coll.class, or file:.../classes/apoc/... when unpacked
                int marker = url.indexOf("!/apoc/");
                int start = marker >= 0 ? marker + 2 : url.lastIndexOf("/apoc/") + 1;
                String name = url.substring(start, url.length() - ".class".length()).replace('/', '.');
                if (!name.contains("$") && APOC_PACKAGES.stream().anyMatch(name::startsWith)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the APOC classes", e);
        }
        return names;
    }
}
