package dev.scenarist.app.wiring;

import dev.scenarist.packs.mechanisms.MechanismsSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything Scenarist takes from its process — environment variables and system properties — read once, at startup
 * ({@link #fromProcess()}, called by {@code Main.main}; this class is the only one that reads them), and passed down
 * as a value. The modules below the application get only the explicit values they need (a search path, a folder, a
 * JDK), so a test can set each one without touching the JVM.
 *
 * @param env              the environment variables: {@code PATH}, {@code SCENARIST_*}, the model providers' keys
 * @param stderrIsTerminal whether stderr is a terminal, so progress bars may redraw in place: the launcher tells,
 *                         with {@value #TTY_PROPERTY}{@code =1} (the JDK cannot, portably, at {@code --release 21});
 *                         default false
 * @param sidecarDir       the MuJoCo sidecar folder when configured ({@value MechanismsSettings#SIDECAR_DIR_ENV}, else
 *                         {@value MechanismsSettings#SIDECAR_DIR_PROPERTY}); when empty it is looked for from the working
 *                         directory up
 * @param simulator        the simulator forced with {@value MechanismsSettings#SIMULATOR_PROPERTY}, else {@value MechanismsSettings#SIMULATOR_ENV}
 *                         ({@code mujoco}, {@code ode} or {@code auto}); when empty, {@code auto}
 * @param javaHome         the JDK running Scenarist ({@code java.home}): it compiles and runs the mechanisms pack's
 *                         templates
 * @param tmpDir           the temporary folder ({@code java.io.tmpdir}): the sandbox's scratch folders and, as root, its
 *                         uid locks, which every Scenarist process on the machine shares
 */
public record Settings(Map<String, String> env, boolean stderrIsTerminal, Optional<Path> sidecarDir,
                       Optional<String> simulator, Path javaHome, Path tmpDir) {
    /**
     * {@code off} turns semantic catalog uniqueness off (the embedding model is then never loaded; the lexical measures
     * stay); {@code on}, the default, keeps it.
     */
    public static final String SEMANTIC_UNIQUENESS_ENV = "SCENARIST_SEMANTIC_UNIQUENESS";

    /** Set to {@code 1} by the {@code scenarist} launcher when stderr is a terminal. */
    public static final String TTY_PROPERTY = "scenarist.tty";

    public Settings {
        env = Map.copyOf(env);
    }

    /** The settings of this process: its environment and system properties. */
    public static Settings fromProcess() {
        return from(System.getenv(), System.getProperties());
    }

    /**
     * Settings from {@code env} alone, as an embedder or a test passes them: no launcher, so stderr is no terminal
     * and nothing comes from system properties but the two every JVM has — its own JDK and temporary folder.
     */
    public static Settings of(Map<String, String> env) {
        Properties jvm = new Properties();
        jvm.setProperty("java.home", System.getProperty("java.home"));
        jvm.setProperty("java.io.tmpdir", System.getProperty("java.io.tmpdir"));
        return from(env, jvm);
    }

    /**
     * Settings from explicit environment variables and system properties (which must hold {@code java.home} and
     * {@code java.io.tmpdir}, as a JVM's always do). Where both can name a setting, the order is the one documented on
     * each component.
     */
    public static Settings from(Map<String, String> env, Properties properties) {
        return new Settings(env,
                "1".equals(properties.getProperty(TTY_PROPERTY)),
                firstSet(env.get(MechanismsSettings.SIDECAR_DIR_ENV), properties.getProperty(MechanismsSettings.SIDECAR_DIR_PROPERTY))
                        .map(d -> Path.of(d).toAbsolutePath().normalize()),
                firstSet(properties.getProperty(MechanismsSettings.SIMULATOR_PROPERTY), env.get(MechanismsSettings.SIMULATOR_ENV)),
                Path.of(required(properties, "java.home")),
                Path.of(required(properties, "java.io.tmpdir")));
    }

    /** How packs with a uniqueness policy are compared in meaning (sentence embeddings). */
    public enum SemanticSearch {
        /** Lexical measures only; the embedding model is never loaded. */
        OFF,
        /** An exact scan of the pack's vectors: nothing to build at start, about 36 ms a lookup at 100 000 scenarios. */
        EXACT,
        /** An HNSW graph: about 7 ms a lookup at 100 000 (recall 0.995), built from the stored vectors at start. */
        HNSW
    }

    /**
     * {@value #SEMANTIC_UNIQUENESS_ENV}: {@code on} (default, also when unset or empty: the exact scan), {@code hnsw}
     * (for catalogs of tens of thousands of scenarios per pack) or {@code off}, in any case.
     *
     * @throws IllegalArgumentException for any other value
     */
    public SemanticSearch semanticUniqueness() {
        String v = env.getOrDefault(SEMANTIC_UNIQUENESS_ENV, "").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "", "on", "exact" -> SemanticSearch.EXACT;
            case "hnsw" -> SemanticSearch.HNSW;
            case "off" -> SemanticSearch.OFF;
            default -> throw new IllegalArgumentException(SEMANTIC_UNIQUENESS_ENV + " must be on, hnsw or off, got '"
                    + env.get(SEMANTIC_UNIQUENESS_ENV) + "'");
        };
    }

    /** Names the variables but shows none of their values: the environment holds API keys and database passwords. */
    @Override
    public String toString() {
        return "Settings[env=" + new java.util.TreeSet<>(env.keySet()) + ", stderrIsTerminal=" + stderrIsTerminal
                + ", sidecarDir=" + sidecarDir + ", simulator=" + simulator + ", javaHome=" + javaHome + ", tmpDir=" + tmpDir + "]";
    }

    private static Optional<String> firstSet(String first, String second) {
        if (first != null && !first.isBlank()) return Optional.of(first);
        return second != null && !second.isBlank() ? Optional.of(second) : Optional.empty();
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("system property " + key + " is not set");
        return value;
    }
}
