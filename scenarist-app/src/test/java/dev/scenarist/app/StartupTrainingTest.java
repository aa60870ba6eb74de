package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run: it runs the common commands and leaves SQLite's library where the launcher looks. */
class StartupTrainingTest {
    @TempDir
    Path dir;

    @Test
    void trainingPutsSqlitesLibraryInTheGivenFolderUnderTheNameTheDriverLoads() throws Exception {
        Path nativeDir = dir.resolve("native");

        StartupTraining.train(Optional.of(nativeDir));

        Path library = nativeDir.resolve(System.mapLibraryName("sqlitejdbc"));
        assertThat(library).isRegularFile();
        assertThat(Files.size(library)).as("the whole library, not a partial copy").isGreaterThan(100_000);
        try (var files = Files.list(nativeDir)) {
            assertThat(files.toList()).as("no temporary file left behind").containsExactly(library);
        }
    }

    /**
     * What a JDK 25 cache holds it loads at every start: the read-only training (the cache of {@code campaigns} and
     * {@code show}) must load no pack, CEL, JSON schema or Flyway class — Flyway included, since the store it lists is
     * made current by another process first.
     */
    @Test
    void theReadOnlyTrainingLoadsNoPackCelSchemaOrFlywayClass() throws Exception {
        Path log = dir.resolve("classes.log");
        Path output = dir.resolve("output.log");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaCommand, "--enable-native-access=ALL-UNNAMED", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), StartupTraining.class.getName(), dir.resolve("native").toString(), "--read-only")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(output)).isZero();
        var loaded = Files.readAllLines(log).stream().filter(l -> l.contains(" source: "))
                .map(l -> l.substring(l.indexOf("] ", l.indexOf("[class,load]")) + 2, l.indexOf(" source: "))).toList();
        assertThat(loaded).anyMatch(c -> c.startsWith("dev.scenarist.store.sql.")) // the listings did read a store
                // one class, not a pack: the CLI's error handler (show of an unknown run) switches over the exception
                // types it reports, and such a switch loads every type it names
                .filteredOn(c -> !c.equals("dev.scenarist.packs.yaml.PackDefinitionException"))
                .noneMatch(c -> java.util.stream.Stream.of("dev.scenarist.packs.", "dev.cel.", "com.google.protobuf.", "org.flywaydb.",
                        "com.networknt.schema.", "tools.jackson.").anyMatch(c::startsWith));
    }
}
