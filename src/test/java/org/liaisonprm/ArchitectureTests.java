package org.liaisonprm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;

/**
 * The package picture of docs/architecture.md: features stand on the ones below them, never beside or above;
 * views only call services; only the graph package embeds Neo4j.
 */
@AnalyzeClasses(packages = "org.liaisonprm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.liaisonprm.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresUseOnlyTheLayersBelowThem = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("base").definedBy("org.liaisonprm.base..")
            .layer("graph").definedBy("org.liaisonprm.graph..")
            .layer("audit").definedBy("org.liaisonprm.audit..")
            .layer("physician").definedBy("org.liaisonprm.physician..")
            .layer("security").definedBy("org.liaisonprm.security..")
            .layer("report").definedBy("org.liaisonprm.report..")
            .layer("importer").definedBy("org.liaisonprm.importer..")
            .layer("outreach").definedBy("org.liaisonprm.outreach..")
            .layer("network").definedBy("org.liaisonprm.network..")
            .layer("demo").definedBy("org.liaisonprm.demo..")
            .layer("application").definedBy("org.liaisonprm")
            .layer("entry points").definedBy("org.liaisonprm.cli..", "org.liaisonprm.bench..")
            .whereLayer("base").mayNotAccessAnyLayer()
            .whereLayer("graph").mayNotAccessAnyLayer()
            .whereLayer("audit").mayOnlyAccessLayers("base", "graph")
            .whereLayer("physician").mayOnlyAccessLayers("base", "graph")
            .whereLayer("security").mayOnlyAccessLayers("base", "graph", "audit")
            .whereLayer("report").mayOnlyAccessLayers("base", "graph", "audit", "physician")
            .whereLayer("importer").mayOnlyAccessLayers("base", "graph", "audit", "physician", "application")
            .whereLayer("outreach").mayOnlyAccessLayers("base", "graph", "audit", "physician", "security", "report",
                    "importer")
            .whereLayer("network").mayOnlyAccessLayers("base", "graph", "audit", "physician", "security", "report",
                    "outreach")
            .whereLayer("demo").mayOnlyAccessLayers("base", "graph", "audit", "physician", "security", "report",
                    "outreach")
            .whereLayer("application").mayNotAccessAnyLayer()
            .whereLayer("entry points").mayNotBeAccessedByAnyLayer()
            .because("docs/architecture.md: a feature uses the ones below it; what two features share moves down");

    @ArchTest
    static final ArchRule viewsDoNotTouchTheGraphDirectly = noClasses()
            .that().areAssignableTo(Component.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.springframework.data.neo4j..")
            .because("views call services, which own transactions and Cypher");

    @ArchTest
    static final ArchRule cypherRunsThroughGraph = noClasses()
            .that().resideOutsideOfPackage("org.liaisonprm.graph..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.neo4j.driver.Driver")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.neo4j.driver.Session")
            .orShould().dependOnClassesThat().resideInAPackage("org.springframework.data.neo4j.core..")
            .because("every statement runs through graph.Graph, from a cypher/ file");

    @ArchTest
    static final ArchRule onlyTheGraphPackageEmbedsNeo4j = noClasses()
            .that().resideOutsideOfPackage("org.liaisonprm.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.dbms..", "org.neo4j.kernel..",
                    "org.neo4j.gds..", "org.neo4j.configuration..")
            .because("the rest of the application talks to the graph over Bolt only");
}
