package com.agentanchor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.jmolecules.archunit.JMoleculesArchitectureRules;
import org.jmolecules.archunit.JMoleculesArchitectureRules.VerificationDepth;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.VerificationOptions;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTests {

    /** The production code: neither test classes nor the test-support jar of shared fixtures. */
    static final ImportOption PRODUCTION = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
            && !location.contains("test-support");
    static final ApplicationModules modules = ApplicationModules.of(AgentAnchorApplication.class, PRODUCTION);
    static final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(PRODUCTION)
            .importPackages("com.agentanchor");

    @Test
    void everyDomainJarIsAModule() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("profiles", "agents", "council", "truthchain", "observer", "marketplace",
                        "academy", "platform", "realtime", "pusher", "notifications");
    }

    @Test
    void modulesRespectTheirBoundariesAndTheHexagon() {
        modules.verify(VerificationOptions.defaults().withAdditionalVerifications(
                JMoleculesArchitectureRules.ensureHexagonal(VerificationDepth.STRICT)));
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }

    @Test
    void onlyJdbcAdaptersAndThePlatformTouchJdbc() {
        noClasses().that().resideOutsideOfPackages("..adapter.out.jdbc..", "com.agentanchor.platform.database..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("com.agentanchor.platform.database..")
                .should().dependOnClassesThat().resideInAPackage("org.postgresql..").check(classes);
    }

    @Test
    void onlyWebAdaptersAndThePlatformTouchSpringWeb() {
        noClasses().that().resideOutsideOfPackages("..adapter.in.web..", "com.agentanchor.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml..")
                .check(classes);
    }

    @Test
    void eventsAreRecords() {
        classes().that().resideInAPackage("com.agentanchor.*.events").and().areNotInterfaces()
                .and().doNotHaveSimpleName("package-info")
                .should().beRecords().check(classes);
    }

    @Test
    void adaptersArePackagePrivate() {
        classes().that().resideInAPackage("..adapter..").and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should().notBePublic().check(classes);
    }
}
