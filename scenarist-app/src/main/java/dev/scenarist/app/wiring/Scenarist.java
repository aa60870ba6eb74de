package dev.scenarist.app.wiring;

import dev.scenarist.app.ratelimits.PostgresRateLimitState;
import dev.scenarist.models.RateLimitState;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.packs.BundledPacks;
import dev.scenarist.app.packs.PackRegistry;
import dev.scenarist.app.preflight.Machine;
import dev.scenarist.app.preflight.Preflight;
import dev.scenarist.core.campaign.AuthorProvider;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.catalog.UniquenessPolicy;
import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.engine.DataLayout;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.Resilience;
import dev.scenarist.core.engine.Storage;
import dev.scenarist.core.engine.TimeAndChance;
import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.events.InProcessEventBus;
import dev.scenarist.core.store.Store;
import dev.scenarist.core.store.StoreDamagedException;
import dev.scenarist.packs.appworld.AppworldPack;
import dev.scenarist.packs.chains.ChainsPack;
import dev.scenarist.packs.mechanisms.MechanismsPack;
import dev.scenarist.packs.services.ServicesPack;
import dev.scenarist.packs.services.ServicesSettings;
import dev.scenarist.packs.mechanisms.MechanismsSettings;
import dev.scenarist.packs.mechanisms.MechanismsSettings.SimulatorChoice;
import dev.scenarist.store.sql.SqlStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where the application is wired: data folder, store, event bus, engine services, packs, authors.
 * Everything is created here and passed down; nothing is global. Closing it closes the packs and the store.
 */
public final class Scenarist implements AutoCloseable {
    private final DataLayout layout;
    private final Store store;
    private final EventBus events = new InProcessEventBus();
    private final EngineServices services;
    /**
     * Made at the first use of a pack ({@link #packs()}): the listings ({@code campaigns}, {@code runs}, {@code show})
     * read the store alone, and unpacking the bundled packs and loading the pack classes would be start-up work for
     * nothing (a test keeps them out: {@code ListingsLoadNoPacksTest}).
     */
    private final java.util.function.Supplier<PackRegistry> packFactory;
    private PackRegistry packs;
    private final dev.scenarist.models.Redactor redactor = new dev.scenarist.models.Redactor();
    private final AuthorFactory authors;
    private final Telemetry telemetry;
    private final Campaigns campaigns;
    private final Preflight preflight;
    /** The store's database, for JobRunr beside it: a PostgreSQL JDBC URL, or empty for SQLite. */
    private final Optional<String> postgresUrl;
    private final Map<String, String> env;
    /** The rate limits every worker on the PostgreSQL store shares; opened at the first model that needs them. */
    private PostgresRateLimitState sharedRateLimits;

    /** The store, and the PostgreSQL URL it was opened from (JobRunr's tables live in the same database). */
    private record ChosenStore(Store store, Optional<String> postgresUrl) {}

    private Scenarist(DataLayout layout, ChosenStore chosen, java.util.function.Supplier<PackRegistry> packFactory, Map<String, String> env, Preflight preflight,
                      Settings.SemanticSearch semantic) {
        Store store = chosen.store();
        this.preflight = preflight;
        this.env = env;
        this.postgresUrl = chosen.postgresUrl();
        this.telemetry = Telemetry.from(env);
        this.authors = new AuthorFactory(env, redactor, telemetry, this::rateLimits);
        this.layout = layout;
        this.store = store;
        this.packFactory = packFactory;
        this.services = new EngineServices(new Storage(store, layout, redactor::redact), events, TimeAndChance.real(), Resilience.DEFAULTS,
                SemanticUniqueness.index(name -> uniquenessPolicy(packs(), name), layout, semantic));
        // the one front door: every command goes through it, none wires engine parts itself
        this.campaigns = new Campaigns(services, name -> packs().get(name), preflight::require, (spec, pack, settings) -> {
            var setup = authors.create(spec, pack, java.util.Optional.empty(), settings);
            return new AuthorProvider.Ready(setup.author(), setup.throttle());
        });
    }

    /**
     * The catalog uniqueness policy of a pack that opts in ({@code CatalogUniqueness}); none for the others — which keep
     * the word-shingle similarity — and for a pack the catalog names but this installation no longer has.
     */
    private static Optional<UniquenessPolicy> uniquenessPolicy(PackRegistry packs, String name) {
        try {
            return Capabilities.uniquenessPolicy(packs.get(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens the data folder (created if missing) and its store: SQLite in {@code <data>/scenarist.db} by default,
     * PostgreSQL when {@code dbUrl} (or {@code SCENARIST_DB_URL}) is a {@code jdbc:postgresql:} URL. Packs with a
     * uniqueness policy get semantic uniqueness too unless {@value Settings#SEMANTIC_UNIQUENESS_ENV} is {@code off}
     * (see {@link SemanticUniqueness}).
     */
    public static Scenarist open(Path dataDir, String dbUrl, Settings settings) {
        Map<String, String> env = settings.env();
        Settings.SemanticSearch semantic;
        try {
            semantic = settings.semanticUniqueness();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        Path root = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new ConfigException("cannot create the data directory " + root + ": " + e.getMessage() + "; pass another with --data-dir");
        }
        if (!Files.isWritable(root)) throw new ConfigException("the data directory " + root + " is not writable; pass another with --data-dir");
        DataLayout layout = new DataLayout(root);
        // one PATH for the sandbox and the preflight that checks it, so both agree on what is installed
        Machine machine = Machine.of(settings);
        java.util.function.Supplier<PackRegistry> packs = () -> registry(root, settings, machine, BundledPacks.unpack(root));
        String url = jdbc(dbUrl == null || dbUrl.isBlank() ? env.get("SCENARIST_DB_URL") : dbUrl);
        Store store = store(layout, url, env);
        var chosen = new ChosenStore(store, Optional.ofNullable(url).filter(u -> u.startsWith("jdbc:postgresql:")));
        return new Scenarist(layout, chosen, packs, env, new Preflight(machine), semantic);
    }

    /**
     * Checks that this machine has every component pack {@code packName} needs, before anything else: the data folder
     * is neither created nor written (no store, no unpacked packs), so a missing component is exit 2 within moments
     * and leaves nothing behind. Bundled packs are read where they lie in the application; user packs from
     * {@code <data>/packs} and {@code SCENARIST_PACKS}.
     *
     * @throws dev.scenarist.app.preflight.MissingComponentsException naming what is missing and the command that installs it
     * @throws PackRegistry.UnknownPackException when there is no such pack
     */
    public static void requireComponents(Path dataDir, Settings settings, String packName) throws InterruptedException {
        requireComponents(dataDir, settings, packName, Optional.empty());
    }

    /**
     * {@link #requireComponents(Path, Settings, String)}, and the campaign's pack options, which the pack answers for
     * (an unknown option or value is refused naming the fix) before the data folder is created either.
     *
     * @throws IllegalArgumentException from the pack, naming the option and its allowed values
     */
    public static void requireComponents(Path dataDir, Settings settings, String packName, Optional<dev.scenarist.core.campaign.CampaignSpec> spec)
            throws InterruptedException {
        Machine machine = Machine.of(settings);
        try (var bundled = BundledPacks.inPlace();
             PackRegistry packs = registry(dataDir.toAbsolutePath().normalize(), settings, machine, bundled.dir())) {
            if (spec.isPresent()) dev.scenarist.core.pack.Capabilities.parameters(packs.get(packName), spec.get().seed(), spec.get().options());
            new Preflight(machine).require(packName, packs.requirements(packName));
        }
    }

    private static PackRegistry registry(Path root, Settings settings, Machine machine, Path bundledDir) {
        Map<String, String> env = settings.env();
        List<Path> userPackDirs = new ArrayList<>();
        userPackDirs.add(root.resolve("packs"));
        String extra = env.getOrDefault("SCENARIST_PACKS", "");
        for (String p : extra.split(":")) if (!p.isBlank()) userPackDirs.add(Path.of(p));
        var sandbox = machine.sandbox();
        return new PackRegistry(new dev.scenarist.packs.yaml.YamlPackLoader(sandbox), bundledDir, userPackDirs,
                Map.of("mechanisms", () -> new MechanismsPack(mechanisms(settings, machine), sandbox, machine.javaHome()),
                        AppworldPack.NAME, () -> new AppworldPack(java.time.Clock.systemUTC()),
                        // a lambda, not ChainsPack::new: a constructor reference loads the class when the map is made
                        ChainsPack.NAME, () -> new ChainsPack(),
                        ServicesPack.NAME, () -> new ServicesPack(sandbox, ServicesSettings.of(env))));
    }

    /**
     * What the mechanisms pack needs to choose its simulator: MuJoCo when Node and its package are installed, else the
     * pure-Java fallback; {@code scenarist.simulator} or SCENARIST_SIMULATOR = mujoco|ode|auto forces it. The sidecar
     * folder is the configured one, else the one found from the working directory up; node is looked up on the
     * machine's PATH (the one the sandbox and the preflight use) unless SCENARIST_NODE names it.
     */
    /** The mechanisms pack's settings on this machine, for its own commands ({@code scenarist mechanisms play}). */
    public static MechanismsSettings mechanismsSettings(Settings settings) {
        return mechanisms(settings, Machine.of(settings));
    }

    static MechanismsSettings mechanisms(Settings settings, Machine machine) {
        SimulatorChoice choice;
        try {
            choice = SimulatorChoice.parse(settings.simulator().orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(MechanismsSettings.SIMULATOR_ENV + ": " + e.getMessage());
        }
        MechanismsSettings.WasmTiers wasm;
        try {
            wasm = MechanismsSettings.WasmTiers.parse(settings.env().get(MechanismsSettings.WASM_ENV));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        var sidecarDir = settings.sidecarDir().or(() -> MechanismsSettings.locateSidecar(Path.of("").toAbsolutePath()));
        return new MechanismsSettings(choice, sidecarDir, java.util.Optional.ofNullable(settings.env().get(MechanismsSettings.NODE_ENV)),
                machine.path(), sidecars(settings.env().get(MechanismsSettings.SIDECARS_ENV)), wasm);
    }

    /** SCENARIST_MUJOCO_SIDECARS: how many MuJoCo sidecars simulate at once; unset or 0 for one per processor. */
    private static int sidecars(String value) {
        if (value == null || value.isBlank()) return 0;
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0 && n <= MechanismsSettings.MAX_SIDECARS) return n;
        } catch (NumberFormatException e) {
            // named below
        }
        throw new ConfigException(MechanismsSettings.SIDECARS_ENV + " must be a whole number from 0 (one per processor) to "
                + MechanismsSettings.MAX_SIDECARS + ", got '" + value + "'");
    }

    /** {@code postgresql://…} and {@code postgres://…} as the JDBC URL the driver takes; any other value as it is. */
    private static String jdbc(String url) {
        if (url == null) return null;
        if (url.startsWith("postgresql://")) return "jdbc:" + url;
        if (url.startsWith("postgres://")) return "jdbc:postgresql://" + url.substring("postgres://".length());
        return url;
    }

    /**
     * JobRunr on this installation's PostgreSQL store ({@code generate --enqueue}, {@code worker}): the store is opened
     * (and migrated) first, then JobRunr's tables are created beside Scenarist's if missing.
     *
     * @throws ConfigException when the store is not PostgreSQL: workers on several machines share one database server
     */
    public dev.scenarist.app.workers.JobRunrJobs jobs() {
        String url = postgresUrl.orElseThrow(() -> new ConfigException("workers share a PostgreSQL store, but this one is "
                + store.describe() + "; pass --db postgresql://HOST:PORT/DB (or set SCENARIST_DB_URL), user and password in"
                + " SCENARIST_DB_USER / SCENARIST_DB_PASSWORD"));
        store.campaigns(); // opens the store: its schema check must see the database before JobRunr adds tables to it
        try {
            return dev.scenarist.app.workers.JobRunrJobs.open(url, env.getOrDefault("SCENARIST_DB_USER", ""), env.getOrDefault("SCENARIST_DB_PASSWORD", ""));
        } catch (RuntimeException e) {
            throw new ConfigException("cannot set up JobRunr's tables in " + store.describe() + ": " + e.getMessage()
                    + "; check that the database user may create tables");
        }
    }

    /**
     * The store {@code url} names, opened at its first use ({@link OnFirstUseStore}); a URL of no supported kind is
     * refused here, at once.
     */
    private static Store store(DataLayout layout, String url, Map<String, String> env) {
        java.util.function.Supplier<Store> open;
        if (url == null || url.isBlank()) open = () -> SqlStore.sqlite(layout.database());
        else if (url.startsWith("jdbc:postgresql:")) {
            open = () -> SqlStore.postgres(url, env.getOrDefault("SCENARIST_DB_USER", ""), env.getOrDefault("SCENARIST_DB_PASSWORD", ""));
        } else if (url.startsWith("jdbc:sqlite:")) open = () -> SqlStore.sqlite(Path.of(url.substring("jdbc:sqlite:".length())));
        else {
            throw new ConfigException("unsupported database URL '" + url + "'; use postgresql://HOST:PORT/DB (user and password in"
                    + " SCENARIST_DB_USER / SCENARIST_DB_PASSWORD) or leave it empty for SQLite in the data directory");
        }
        return new OnFirstUseStore(() -> {
            try {
                return open.get();
            } catch (StoreDamagedException e) {
                throw e; // its own kind: the CLI says the data is damaged, not that the configuration is wrong
            } catch (IllegalStateException e) {
                throw new ConfigException(e.getMessage());
            }
        });
    }

    /**
     * Where model authors keep their rate limits: with a PostgreSQL store, one state in that database for every worker
     * and command (so ten workers together keep one API key's limits); otherwise this process's memory, each campaign
     * its own, as before workers.
     */
    private RateLimitState rateLimits() {
        if (postgresUrl.isEmpty()) return RateLimitState.inMemory();
        synchronized (this) {
            if (sharedRateLimits == null) {
                store.campaigns(); // the store's schema check must see the database before these tables join it
                try {
                    sharedRateLimits = PostgresRateLimitState.open(postgresUrl.get(), env.getOrDefault("SCENARIST_DB_USER", ""),
                            env.getOrDefault("SCENARIST_DB_PASSWORD", ""));
                } catch (IllegalStateException e) {
                    throw new ConfigException(e.getMessage());
                }
            }
            return sharedRateLimits;
        }
    }

    /** The data folder, absolute. */
    public Path dataDir() {
        return layout.root();
    }

    /** Where a run keeps its files (workspace, snapshots, trajectory, failure context). */
    public dev.scenarist.core.trajectory.RunFiles runFiles(String runId) {
        return layout.run(runId);
    }

    public Store store() {
        return store;
    }

    public EventBus events() {
        return events;
    }

    /** The packs: the bundled ones unpacked into the data folder, and the registry made, at the first call. */
    public synchronized PackRegistry packs() {
        if (packs == null) packs = packFactory.get();
        return packs;
    }

    public AuthorFactory authors() {
        return authors;
    }

    /** The facade for campaigns: create, run, resume (a campaign, a run, a run from a stage), cancel, validate, export, promote. */
    public Campaigns campaigns() {
        return campaigns;
    }

    /** Checks a pack's requirements on this machine; run it before storing a campaign or validating. */
    public Preflight preflight() {
        return preflight;
    }

    /**
     * Starts {@code scenarist serve} over this installation's store, event bus and campaigns facade — the ones the command
     * line uses — so a campaign created over the API runs here and one run by the CLI elsewhere shows in the API.
     */
    public dev.scenarist.server.ScenaristServer serve(dev.scenarist.server.ServerOptions options) {
        store.campaigns(); // a server opens its store before it listens: a damaged database is refused at start, not per request
        var context = new dev.scenarist.server.ServerContext(campaigns, store, events, layout.root(),
                new ApiCampaignRequests(packs(), preflight), java.time.Clock.systemUTC());
        return dev.scenarist.server.ScenaristServer.start(context, options);
    }

    /** Closes the packs (their processes: MuJoCo sidecars, the dry-run database), the telemetry and the store. */
    @Override
    public void close() {
        try {
            synchronized (this) {
                if (packs != null) packs.close();
            }
        } finally {
            telemetry.close();
            synchronized (this) {
                if (sharedRateLimits != null) sharedRateLimits.close();
            }
            store.close();
        }
    }
}
