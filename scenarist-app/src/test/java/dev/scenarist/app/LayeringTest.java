package dev.scenarist.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of DESIGN.md §3, checked on the compiled classes of every module. */
class LayeringTest {
    static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.scenarist");
    }

    @Test
    void coreDependsOnNoWebNoJdbcNoModelSdkAndNoOtherModule() {
        noClasses().that().resideInAPackage("dev.scenarist.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scenarist.store..", "dev.scenarist.models..",
                        "dev.scenarist.app..", "dev.scenarist.packs..", "dev.scenarist.sandbox..", "dev.scenarist.server..",
                        "java.sql..", "javax.sql..", "dev.langchain4j..", "io.javalin..", "picocli..", "org.jdbi..")
                .check(classes);
    }

    @Test
    void modelsDependOnNeitherStoreNorWebNorPacks() {
        noClasses().that().resideInAPackage("dev.scenarist.models..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scenarist.store..", "dev.scenarist.app..",
                        "dev.scenarist.packs..", "dev.scenarist.server..", "io.javalin..", "java.sql..", "org.jdbi..")
                .check(classes);
    }

    @Test
    void storeDependsOnNeitherModelsNorWebNorPacks() {
        noClasses().that().resideInAPackage("dev.scenarist.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scenarist.models..", "dev.scenarist.app..",
                        "dev.scenarist.packs..", "dev.scenarist.server..", "dev.langchain4j..", "io.javalin..")
                .check(classes);
    }

    @Test
    void theSandboxDependsOnNothingElseOfScenarist() {
        classes().that().resideInAPackage("dev.scenarist.sandbox..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.scenarist.core..", "dev.scenarist.store..",
                        "dev.scenarist.models..", "dev.scenarist.app..", "dev.scenarist.packs..", "dev.scenarist.server..")
                .check(classes);
    }

    @Test
    void packsDependOnNeitherTheAppNorTheStoreNorEachOther() {
        noClasses().that().resideInAPackage("dev.scenarist.packs..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scenarist.app..", "dev.scenarist.store..", "dev.scenarist.server..")
                .check(classes);
        for (String pack : new String[] {"yaml", "mechanisms", "appworld", "chains", "services"}) {
            noClasses().that().resideInAPackage("dev.scenarist.packs." + pack + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherPacks(pack))
                    .allowEmptyShould(true).check(classes);
        }
    }

    @Test
    void thereAreNoUtilsGrabBags() {
        noClasses().should().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helpers")
                .check(classes);
    }

    private static String[] otherPacks(String self) {
        return java.util.stream.Stream.of("yaml", "mechanisms", "appworld", "chains", "services")
                .filter(p -> !p.equals(self)).map(p -> "dev.scenarist.packs." + p + "..").toArray(String[]::new);
    }
}
