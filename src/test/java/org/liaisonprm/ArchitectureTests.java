package org.liaisonprm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;

/**
 * Views only call services: they never see the driver, Spring Data Neo4j or Cypher.
 */
@AnalyzeClasses(packages = "org.liaisonprm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule viewsDoNotTouchTheGraphDirectly = noClasses()
            .that().areAssignableTo(Component.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.springframework.data.neo4j..")
            .because("views call services, which own transactions and Cypher");

    @ArchTest
    static final ArchRule onlyTheGraphPackageEmbedsNeo4j = noClasses()
            .that().resideOutsideOfPackage("org.liaisonprm.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.dbms..", "org.neo4j.kernel..",
                    "org.neo4j.gds..", "org.neo4j.configuration..")
            .because("the rest of the application talks to the graph over Bolt only");
}
