package dev.scenarist.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The layering rules of DESIGN.md §3, checked on the compiled classes of every module. */
class LayeringTest {
    static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        // other modules' test jars (test fixtures on this module's test classpath) are test code too
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("dev.scenarist");
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
        // only packs that exist: a rule about a module not written yet would pass empty and prove nothing
        for (String pack : PACKS) {
            noClasses().that().resideInAPackage("dev.scenarist.packs." + pack + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherPacks(pack))
                    .check(classes);
        }
    }

    /**
     * One front door (DESIGN.md §3): the CLI calls the campaigns facade ({@code dev.scenarist.core.campaign.Campaigns}) and
     * wires no engine part itself — no executor, rewinder, acceptance, budget guard, check runner or data layout (the
     * facade's results carry the paths it prints). One engine type is a plain value, not a part, and stays allowed:
     * {@code StageSettings} (model settings per stage, a field of a campaign's spec, read from the options).
     */
    @Test
    void theCliGoesThroughTheFacadeNotTheEngine() {
        noClasses().that().resideInAPackage("dev.scenarist.app.cli..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are engine parts (dev.scenarist.core.engine.., but the value"
                                + " StageSettings)",
                        (JavaClass c) -> c.getPackageName().startsWith("dev.scenarist.core.engine")
                                && !ENGINE_VALUES.contains(c.getName())))
                .because("the CLI, the REST server and workers call one facade in core (DESIGN.md §3)")
                .check(classes);
    }

    private static final Set<String> ENGINE_VALUES = Set.of("dev.scenarist.core.engine.StageSettings");

    @Test
    void thereAreNoUtilsGrabBags() {
        noClasses().should().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helpers")
                .check(classes);
    }

    /**
     * The environment is read once, in the app, and passed down as a value (DESIGN.md §3): below the app nothing reads
     * environment variables or system properties, nor sets them for the whole JVM — so every setting reaches a module
     * through its constructor and a test can isolate it. Method references ({@code System::getenv}) count as reads.
     */
    @Test
    void onlyTheAppReadsTheEnvironmentOrSystemProperties() {
        noClasses().that().resideOutsideOfPackage("dev.scenarist.app..")
                .should().accessTargetWhere(PROCESS_SETTINGS)
                .because("the environment is read once, in the app, and passed down as a value (DESIGN.md §3)")
                .check(classes);
    }

    /** What is in a module's {@code internal} package is not its API: only the module itself may use it. */
    @Test
    void nothingUsesAnotherModulesInternalPackage() {
        Set<String> internals = new TreeSet<>();
        for (JavaClass c : classes) {
            Matcher m = INTERNAL.matcher(c.getPackageName());
            if (m.matches()) internals.add(m.group(1));
        }
        // these modules have one today; finding none would mean this rule checks nothing
        assertThat(internals).contains("dev.scenarist.sandbox", "dev.scenarist.models", "dev.scenarist.packs.yaml");
        for (String owner : internals) {
            noClasses().that().resideOutsideOfPackage(owner + "..")
                    .should().dependOnClassesThat().resideInAPackage(owner + ".internal..")
                    .check(classes);
        }
    }

    /** A module's internal package, and the module it belongs to (group 1). */
    private static final Pattern INTERNAL = Pattern.compile("(.+?)\\.internal(\\..+)?");

    private static final List<String> PACKS = List.of("yaml", "mechanisms");

    /** Methods of the JDK that read or set the process environment or system properties, by owner. */
    private static final Map<Class<?>, Set<String>> PROCESS_READS = Map.of(
            System.class, Set.of("getenv", "getProperty", "getProperties", "setProperty", "setProperties", "clearProperty"),
            Boolean.class, Set.of("getBoolean"),
            Integer.class, Set.of("getInteger"),
            Long.class, Set.of("getLong"));

    private static final DescribedPredicate<JavaAccess<?>> PROCESS_SETTINGS = DescribedPredicate.describe(
            "System.getenv/getProperty/getProperties/setProperty/clearProperty, Boolean.getBoolean, Integer.getInteger, Long.getLong",
            access -> PROCESS_READS.entrySet().stream().anyMatch(e -> access.getTargetOwner().isEquivalentTo(e.getKey())
                    && e.getValue().contains(access.getName())));

    private static String[] otherPacks(String self) {
        return PACKS.stream().filter(p -> !p.equals(self)).map(p -> "dev.scenarist.packs." + p + "..").toArray(String[]::new);
    }
}
