package dev.scenarist.packs.mechanisms.internal.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;

/**
 * The class path a template is compiled and run against in the sandbox: one small jar holding only the scene API and
 * what writes a built scene's files ({@link #PACKAGES}, {@link #CLASSES}), copied once per process from the jars or
 * class folders this JVM runs from.
 *
 * <p><b>Why.</b> In the application these classes live in its single jar of ~31,000 entries (every dependency of every
 * pack). javac lists that jar's packages and the build JVM opens it on every build: the small jar saves about a fifth
 * of a build's CPU time (measured: 1.05 → 0.85 s user+sys per template with the startup cache, on this project's
 * 2-core machine). It also narrows what a template sees to the API it is written against: code that imports anything
 * else no longer compiles, instead of finding Scenarist's own classes and libraries there.
 *
 * <p>The set is closed under references — no class in it names a Scenarist class outside it — which a test checks
 * with jdeps, so a template never meets a {@code NoClassDefFoundError} from the API itself.
 */
final class TemplateApiJar {
    static final String FILE = "template-api.jar";
    /** Folders (as jar entry prefixes) whose classes all go in. */
    static final List<String> PACKAGES = List.of("dev/scenarist/packs/mechanisms/scene/", "dev/scenarist/packs/mechanisms/internal/scenefile/");
    /** Single classes, each with its nested classes: the entry points and what they write the files with. */
    static final List<String> CLASSES = List.of(
            "dev/scenarist/packs/mechanisms/internal/template/RunCompiled",
            "dev/scenarist/packs/mechanisms/internal/template/CompileServer",
            "dev/scenarist/packs/mechanisms/internal/template/TemplateMain",
            "dev/scenarist/packs/mechanisms/internal/task/TaskFiles",
            "dev/scenarist/packs/mechanisms/internal/task/TaskJson",
            "dev/scenarist/core/files/AtomicFile");
    /** A fixed time on every entry: the same classes make the same jar. */
    private static final long ENTRY_TIME = 315_532_800_000L; // 1980-01-01, the zip format's epoch

    private TemplateApiJar() {}

    static boolean wanted(String entry) {
        if (!entry.endsWith(".class")) return false;
        for (String p : PACKAGES) if (entry.startsWith(p)) return true;
        String name = entry.substring(0, entry.length() - ".class".length());
        for (String c : CLASSES) if (name.equals(c) || name.startsWith(c + "$")) return true;
        return false;
    }

    /**
     * Writes the jar into a new private folder under the system's temporary folder (removed when the JVM exits) from
     * {@code sources}, each a jar or a class folder; read-only once written.
     */
    static Path make(List<Path> sources) {
        try {
            Path folder = Files.createTempDirectory("scenarist-template-api-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            folder.toFile().deleteOnExit();
            Path jar = folder.resolve(FILE);
            write(sources, jar);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("r--r--r--"));
            jar.toFile().deleteOnExit();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the template API jar from " + sources + " (needs space in the temporary folder)", e);
        }
    }

    static void write(List<Path> sources, Path jar) throws IOException {
        // sorted by entry name, so the jar's bytes depend only on the classes
        TreeMap<String, byte[]> entries = new TreeMap<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String name = source.relativize(f).toString().replace('\\', '/');
                        if (wanted(name)) entries.putIfAbsent(name, Files.readAllBytes(f));
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(source.toFile())) {
                    for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory() && wanted(e.getName())).toList()) {
                        try (InputStream in = zip.getInputStream(e)) {
                            entries.putIfAbsent(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        for (String c : CLASSES) {
            if (!entries.containsKey(c + ".class")) throw new IOException("class " + c.replace('/', '.') + " not found in " + sources);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (var e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTime(ENTRY_TIME);
                j.putNextEntry(z);
                j.write(e.getValue());
                j.closeEntry();
            }
        }
    }
}
