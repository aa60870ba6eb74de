package dev.scenarist.app;

import dev.scenarist.app.wiring.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run of the launcher's start-up cache (JDK 25's AOT cache, {@code -XX:AOTCacheOutput}): runs the
 * commands people start most — {@code --help}, the read-only listings, {@code validate} of a model with a mesh — in one
 * JVM against a throw-away data folder, so that the classes they load, already parsed and linked, and their method
 * profiles are stored in the cache, and later starts skip that work (about a third of a short command's CPU).
 *
 * <p>Given a folder ({@code args[0]}), it also puts SQLite's native library for this machine there, so the launcher
 * can point the driver at it ({@code org.sqlite.lib.path}) instead of the driver extracting it from the jar into the
 * temporary folder again at every start.
 *
 * <p>It prints nothing and exits 0 whatever the commands answered: a command that cannot run here (no Node for the
 * MuJoCo sidecar) has still loaded most of its classes. Run by {@code ./scenarist}; not a command for people.
 */
public final class StartupTraining {
    private StartupTraining() {}

    /**
     * The commands a cache is trained on. Why two: a JDK 25 AOT cache does not only speed up the classes a command
     * loads, it loads every class it holds at start-up (they are stored loaded and linked), so a cache trained on
     * {@code validate} of a MuJoCo model makes {@code campaigns} load its ~8 000 classes — the packs, CEL, protobuf,
     * JSON schema, Flyway — where the listing itself needs ~3 500. The launcher uses the read-only cache for the
     * store-only listings ({@code campaigns}, {@code show}) and the full one for the rest.
     */
    enum Profile {
        /** {@code --help}, the listings, {@code packs}, {@code validate} of a model with a mesh. */
        EVERY_COMMAND,
        /**
         * The listings alone, against a store whose schema is current (made beforehand by another
         * process, so that Flyway's classes, which only a new or older database needs, stay out of the cache).
         */
        READ_ONLY
    }

    /** {@code StartupTraining [NATIVE_DIR [--read-only]]}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        System.getProperties().putIfAbsent("java.awt.headless", "true");
        Profile profile = args.length > 1 && args[1].equals("--read-only") ? Profile.READ_ONLY : Profile.EVERY_COMMAND;
        train(args.length > 0 ? java.util.Optional.of(Path.of(args[0])) : java.util.Optional.empty(), profile);
        System.exit(0); // whatever sidecar or pool thread a command left: the cache is written at exit
    }

    /** The training commands, and SQLite's library put into {@code nativeDir} when given; leaves no data behind. */
    static void train(java.util.Optional<Path> nativeDir) throws IOException {
        try {
            train(nativeDir, Profile.EVERY_COMMAND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void train(java.util.Optional<Path> nativeDir, Profile profile) throws IOException, InterruptedException {
        if (nativeDir.isPresent()) extractSqliteLibrary(nativeDir.get());
        Path data = Files.createTempDirectory("scenarist-startup-training-");
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("SCENARIST_HOME", data.resolve("home").toString());
            Settings settings = Settings.from(env, System.getProperties());
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
            for (List<String> command : commands(profile, data, env)) {
                Main.run(command.toArray(String[]::new), settings, quiet, quiet);
            }
        } finally {
            dev.scenarist.core.workspace.Workspace.deleteTree(data, true);
        }
    }

    private static List<List<String>> commands(Profile profile, Path data, Map<String, String> env) throws IOException, InterruptedException {
        List<List<String>> listings = List.of(List.of("campaigns"), List.of("runs"), List.of("--json", "campaigns"), List.of("--json", "runs"),
                List.of("show", "run-none"), List.of("--json", "show", "run-none"));
        if (profile == Profile.READ_ONLY) {
            createStore(env.get("SCENARIST_HOME"));
            return listings;
        }
        Path model = writeModel(data.resolve("model"));
        // --help and --version build every subcommand, the packs' own among them: only in the full cache
        List<List<String>> all = new java.util.ArrayList<>(List.of(List.of("--help"), List.of("--version")));
        all.addAll(listings);
        all.addAll(List.of(List.of("packs"), List.of("validate", "--help"),
                List.of("validate", "--pack", "mechanisms", "--rules", "mujoco", model.toString()),
                List.of("--json", "validate", "--pack", "mechanisms", model.toString())));
        return all;
    }

    /** The store of the data folder {@code home}, created and migrated by a JVM of its own (see {@link Profile#READ_ONLY}). */
    private static void createStore(String home) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", home, "campaigns")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
    }

    /**
     * The driver's library for this operating system and processor (the folder it would extract from itself), copied
     * into {@code folder} under its own name by way of a temporary file and a rename; nothing when the jar has none.
     */
    private static void extractSqliteLibrary(Path folder) throws IOException {
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + System.mapLibraryName("sqlitejdbc");
        try (var in = StartupTraining.class.getResourceAsStream(resource)) {
            if (in == null) return;
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "sqlite", ".part");
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, folder.resolve(System.mapLibraryName("sqlitejdbc")), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A small model with a box, a hinge and a binary STL tetrahedron: enough to load every scene check's classes. */
    private static Path writeModel(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("tetra.stl"), tetrahedron());
        Path xml = folder.resolve("model.xml");
        Files.writeString(xml, """
                <mujoco model="training">
                  <compiler angle="radian"/>
                  <option timestep="0.002"/>
                  <default><geom friction="1 0.005 0.0001"/></default>
                  <asset><mesh name="tetra" file="tetra.stl" scale="0.1 0.1 0.1"/></asset>
                  <worldbody>
                    <geom name="floor" type="plane" size="1 1 0.1"/>
                    <body name="arm" pos="0 0 0.5">
                      <joint name="hinge" type="hinge" axis="0 1 0" range="-1 1"/>
                      <geom type="box" size="0.05 0.05 0.2" mass="1"/>
                      <geom type="capsule" fromto="0 0 0 0.2 0 0" size="0.02"/>
                      <body name="tip" pos="0.3 0 0"><geom type="mesh" mesh="tetra" density="500"/></body>
                    </body>
                  </worldbody>
                  <actuator><motor joint="hinge" ctrlrange="-1 1"/></actuator>
                </mujoco>
                """);
        return xml;
    }

    /** A closed, outward-facing tetrahedron as binary STL (MuJoCo reads only binary STL). */
    private static byte[] tetrahedron() {
        float[][] v = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        int[][] faces = {{0, 2, 1}, {0, 1, 3}, {0, 3, 2}, {1, 2, 3}};
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * faces.length).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(faces.length);
        for (int[] f : faces) {
            b.putFloat(0).putFloat(0).putFloat(0); // normal: readers recompute it from the vertex order
            for (int i : f) b.putFloat(v[i][0]).putFloat(v[i][1]).putFloat(v[i][2]);
            b.putShort((short) 0);
        }
        return b.array();
    }
}
