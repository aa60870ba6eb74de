package dev.scenarist.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    void embeddingsDependOnCoreOnly() {
        noClasses().that().resideInAPackage("dev.scenarist.embeddings..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scenarist.store..", "dev.scenarist.models..",
                        "dev.scenarist.app..", "dev.scenarist.packs..", "dev.scenarist.sandbox..", "dev.scenarist.server..")
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
     * A pack sees only core's API (DESIGN.md §3): the packages below, each for a reason, and nothing else of core — not
     * the engine that runs it, the campaigns that schedule it, the store, the events, nor any {@code internal} package.
     * A pack is run by the engine; it never drives or persists anything itself, so what it touches can stay small and
     * stable while the engine changes underneath.
     */
    @Test
    void packsDependOnlyOnCoresApi() {
        classes().that().resideInAPackage("dev.scenarist.packs..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe("are outside core or in core's pack API " + PACK_API,
                        (JavaClass c) -> !c.getPackageName().startsWith("dev.scenarist.core.") || PACK_API.contains(c.getPackageName())))
                .because("a pack sees only the API (DESIGN.md §3)")
                .check(classes);
    }

    /** Core's API for packs, exactly these packages (not their sub-packages, so never an {@code internal} one). */
    private static final Set<String> PACK_API = Set.of(
            // the pack SPI: Pack and its optional capabilities, pipeline, stages, checks, gates, requirements
            "dev.scenarist.core.pack",
            // the vocabulary every part speaks: check results, findings, severities, usage, JSON
            "dev.scenarist.core.model",
            // a pack's offline author is an Author; critics and judges are asked through one
            "dev.scenarist.core.author",
            // checks and gates read, and offline authors write, the run's files
            "dev.scenarist.core.workspace",
            // a gate compares a scenario with the accepted ones through the SimilarityIndex its context hands it
            "dev.scenarist.core.catalog",
            // messages a person reads: "did you mean", durations
            "dev.scenarist.core.text",
            // writing what a pack assembles without leaving half a file behind a crash
            "dev.scenarist.core.files");

    /**
     * The app and the benchmarks wire packs through their API (the pack class, its constructor's values), never a
     * pack's {@code internal} package: a pack may change everything in there. (The generic rule below covers this too,
     * once a pack has an internal package; this one says it for packs before they have one, and stays true after.)
     */
    @Test
    void theAppAndTheBenchmarksUseNoPackInternals() {
        noClasses().that().resideInAnyPackage("dev.scenarist.app..", "dev.scenarist.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.scenarist.packs.*.internal..")
                .because("a pack's internal package is not its API (DESIGN.md §3)")
                .check(classes);
    }

    /**
     * No method or constructor of production code takes more than 6 parameters: past that, a call site is a row of
     * unnamed values in an order no reader checks — group them into values that mean something (as EngineServices is
     * Storage + TimeAndChance + Resilience). Compiler-made methods (lambda bodies, bridges) are not code anyone calls.
     * {@link #MANY_PARAMETERS_ALLOWED} names what is left, and must only shrink: an entry that no longer has more than
     * 6 fails this test until it is removed.
     */
    @Test
    void noMethodOrConstructorTakesMoreThanSixParameters() {
        codeUnits().that().areDeclaredInClassesThat().resideInAPackage("dev.scenarist..")
                .and(DescribedPredicate.describe("are written by a person", (JavaCodeUnit u) ->
                        !u.getModifiers().contains(JavaModifier.SYNTHETIC) && !u.getModifiers().contains(JavaModifier.BRIDGE)))
                .and(DescribedPredicate.describe("are not allowed for now (MANY_PARAMETERS_ALLOWED)",
                        (JavaCodeUnit u) -> !MANY_PARAMETERS_ALLOWED.contains(key(u))))
                .should(new ArchCondition<JavaCodeUnit>("take at most " + MAX_PARAMETERS + " parameters") {
                    @Override
                    public void check(JavaCodeUnit u, ConditionEvents events) {
                        int n = u.getRawParameterTypes().size();
                        if (n > MAX_PARAMETERS) events.add(SimpleConditionEvent.violated(u, u.getFullName() + " takes " + n + " parameters"));
                    }
                })
                .check(classes);
        Set<String> stillMany = new TreeSet<>();
        for (JavaClass c : classes) {
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (u.getRawParameterTypes().size() > MAX_PARAMETERS) stillMany.add(key(u));
            }
        }
        assertThat(MANY_PARAMETERS_ALLOWED).as("allowed entries that no longer take more than %d parameters: remove them", MAX_PARAMETERS)
                .allMatch(stillMany::contains);
    }

    private static final int MAX_PARAMETERS = 6;

    /** A code unit as the allowlist names it: its class, '#', its name ({@code <init>} for constructors, every overload). */
    private static String key(JavaCodeUnit u) {
        return u.getOwner().getName() + "#" + u.getName();
    }

    /**
     * What still takes more than 6 parameters, by owner: shrink it, never grow it.
     */
    private static final Set<String> MANY_PARAMETERS_ALLOWED = Set.of(
            // --- core, store and app: records whose components are a stored or wire format, one component per column,
            // field or key. Regrouping them is a format change (a schema or JSON migration, a config-file change), not
            // a refactoring, so each waits for its own change.
            "dev.scenarist.core.campaign.CampaignSpec#<init>",        // stored as JSON in each campaign's row; resume reads it back
            "dev.scenarist.core.store.RunRecord#<init>",              // the runs table, a column per component
            "dev.scenarist.core.store.RunRecord#queued",              // a new run: RunRecord's identity columns, and now
            "dev.scenarist.core.store.RunProgress#<init>",            // stored as JSON in each run's row
            "dev.scenarist.core.store.AttemptRecord#<init>",          // the attempts table
            "dev.scenarist.core.store.AuthorCallRecord#<init>",       // the author_calls table
            "dev.scenarist.core.store.CampaignRecord#<init>",         // the campaigns table
            "dev.scenarist.core.store.CatalogEntry#<init>",           // the catalog table
            "dev.scenarist.core.store.CheckRecord#<init>",            // the checks table
            "dev.scenarist.app.config.CampaignConfig#<init>",         // the campaign config file, a component per top-level key
            // --- core: values not yet regrouped (in-memory, so no format change): next to shrink
            "dev.scenarist.core.campaign.CampaignReport#<init>",      // 18: outcome counts, effort, scenarios — printed by the CLI
            "dev.scenarist.core.author.AuthorRequest#<init>",         // the Author SPI's request, read field by field by every model
            "dev.scenarist.core.events.ScenaristEvent$AttemptFinished#<init>", // 7: campaign, run, stage, attempt, verdict, errors, usage
            "dev.scenarist.core.pack.Stage$RefineStage#<init>",       // 7, pack API: built by the YAML pack's definition reader
            // --- models: a cassette line's format (regrouping changes every recorded cassette); constructors of
            // implementations, called from one factory each
            "dev.scenarist.models.internal.cassette.CassetteEntry#<init>",
            "dev.scenarist.models.internal.claudecode.ClaudeCodeAuthor#<init>",
            "dev.scenarist.models.internal.claudecode.StreamTranscript$Result#<init>",
            "dev.scenarist.models.internal.http.HttpChatAuthor#<init>",
            // --- mechanisms: records of measurements, plans and compiled models, each built in one to three places and
            // read component by component by many tests; the MJCF schema's attribute table
            "dev.scenarist.packs.mechanisms.internal.mjcf.MjcfSchema$Attr#<init>",
            "dev.scenarist.packs.mechanisms.internal.offline.LibraryTemplate#<init>",
            "dev.scenarist.packs.mechanisms.internal.plan.Plan#<init>",
            "dev.scenarist.packs.mechanisms.internal.sim.SimulationReport#<init>",
            "dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec#<init>",
            "dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec$Actuator#<init>",
            "dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec$Body#<init>",
            "dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec$Geom#<init>",
            "dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec$Joint#<init>",
            "dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec$Options#<init>",
            "dev.scenarist.packs.mechanisms.internal.validation.SimulationMeasures#<init>",
            // --- appworld: an app's entity has the fields ARE gives it, one component per key of the phone's JSON state
            // that scenarios seed and validation predicates read; an action-log line likewise; a tool's spec is built
            // only by ToolSet's builder
            "dev.scenarist.packs.appworld.phone.apps.apartment.Apartment#<init>",
            "dev.scenarist.packs.appworld.phone.apps.aui.Proposal#<init>",
            "dev.scenarist.packs.appworld.phone.apps.cab.Ride#<init>",
            "dev.scenarist.packs.appworld.phone.apps.calendar.CalendarEvent#<init>",
            "dev.scenarist.packs.appworld.phone.apps.contacts.Contact#<init>",
            "dev.scenarist.packs.appworld.phone.apps.email.Email#<init>",
            "dev.scenarist.packs.appworld.phone.apps.note.Note#<init>",
            "dev.scenarist.packs.appworld.phone.log.LogEntry$ToolCall#<init>",
            "dev.scenarist.packs.appworld.phone.tools.ToolSpec#<init>");

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

    /**
     * The server (DESIGN.md §3: REST API, dashboard, auth) talks to the engine like the CLI does: through the campaigns
     * facade and the store's read API. It wires no engine part, knows no pack, no store or model implementation and not
     * the app; and it never writes to the store itself — every change goes through {@code Campaigns}.
     */
    @Test
    void theServerGoesThroughTheFacadeAndOnlyReadsTheStore() {
        assertThat(classes.stream().map(JavaClass::getPackageName)).as("the server's classes are imported").contains("dev.scenarist.server.api");
        noClasses().that().resideInAPackage("dev.scenarist.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scenarist.core.engine..", "dev.scenarist.store..",
                        "dev.scenarist.packs..", "dev.scenarist.models..", "dev.scenarist.sandbox..", "dev.scenarist.app..",
                        "dev.scenarist.embeddings..", "java.sql..", "org.jdbi..", "dev.langchain4j..", "picocli..")
                .because("the CLI, the REST server and workers call one facade in core (DESIGN.md §3)")
                .check(classes);
        noClasses().that().resideInAPackage("dev.scenarist.server..")
                .should().callMethodWhere(DescribedPredicate.describe("writes to the store (create, update, commitAttempt, accept, updateStage)",
                        (com.tngtech.archunit.core.domain.JavaMethodCall call) -> call.getTargetOwner().getPackageName().equals("dev.scenarist.core.store")
                                && STORE_WRITES.contains(call.getName())))
                .because("the server reads the store; changes go through the campaigns facade")
                .check(classes);
    }

    private static final Set<String> STORE_WRITES = Set.of("create", "update", "commitAttempt", "accept", "updateStage");

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

    /**
     * What is in a module's {@code internal} package is not its API: only the module itself may use it — so the app and
     * the benchmarks reach core's engine only through the campaigns facade and its option values, and a module can
     * change its internals without anyone else noticing. A module is what comes before {@code .internal}
     * ({@code dev.scenarist.core} for {@code dev.scenarist.core.engine.internal}).
     */
    @Test
    void nothingUsesAnotherModulesInternalPackage() {
        Set<String> owners = new TreeSet<>();
        for (JavaClass c : classes) {
            if (INTERNAL.matcher(c.getPackageName()).matches()) owners.add(moduleOf(c.getPackageName()));
        }
        // every module with internal packages today; finding fewer would mean this rule checks less than it says
        assertThat(owners).contains("dev.scenarist.sandbox", "dev.scenarist.core", "dev.scenarist.models", "dev.scenarist.packs.yaml",
                "dev.scenarist.packs.mechanisms", "dev.scenarist.packs.appworld", "dev.scenarist.packs.chains", "dev.scenarist.store");
        assertThat(classes.stream().map(JavaClass::getPackageName))
                .contains("dev.scenarist.core.engine.internal", "dev.scenarist.core.campaign.internal", "dev.scenarist.core.catalog.internal");
        for (String owner : owners) {
            // an internal package anywhere in the module (core.engine.internal, core.campaign.internal, ...) is the module's
            noClasses().that().resideOutsideOfPackage(owner + "..")
                    .should().dependOnClassesThat().resideInAPackage(owner + "..internal..")
                    .check(classes);
        }
    }

    /** A package with an {@code internal} segment. */
    private static final Pattern INTERNAL = Pattern.compile(".+\\.internal(\\..+)?");

    /**
     * The module a package belongs to: {@code dev.scenarist.<module>}, or {@code dev.scenarist.packs.<pack>} for a pack
     * (each pack is a module of its own).
     */
    static String moduleOf(String pkg) {
        String[] p = pkg.split("\\.");
        int depth = p.length > 2 && p[2].equals("packs") ? 4 : 3;
        return String.join(".", java.util.Arrays.copyOf(p, Math.min(depth, p.length)));
    }

    private static final List<String> PACKS = List.of("yaml", "mechanisms", "appworld", "chains");

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
