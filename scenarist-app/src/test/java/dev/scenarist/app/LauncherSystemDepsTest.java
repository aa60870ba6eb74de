package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's system-package step ({@code .mvn/system-deps.sh}, sourced by {@code ./scenarist}), run by bash with a
 * PATH of fakes: {@code id} says who we are, {@code apt-get} records its arguments instead of installing.
 */
class LauncherSystemDepsTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path bin;

    private record Result(int code, String stderr, List<String> aptCalls) {}

    private Result run(String uid, List<String> present, String... cliArgs) throws Exception {
        Path aptLog = bin.resolveSibling(bin.getFileName() + "-apt.log");
        Files.deleteIfExists(aptLog);
        script("id", "echo " + uid);
        script("apt-get", "echo \"$*\" >> '" + aptLog + "'");
        for (String p : List.of("awk")) Files.createSymbolicLink(bin.resolve(p), Path.of("/usr/bin", p));
        for (String p : present) Files.createSymbolicLink(bin.resolve(p), Path.of("/usr/bin", p));
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c",
                ". \"$0/.mvn/system-deps.sh\" && scenarist_system_deps \"$0\" \"$@\"", REPO.toString()));
        cmd.addAll(List.of(cliArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin.toString());
        pb.environment().remove("SCENARIST_HOME");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        List<String> calls = Files.exists(aptLog) ? Files.readAllLines(aptLog) : List.of();
        return new Result(code, err, calls);
    }

    private void script(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void asRootItInstallsBubblewrapAndThePacksToolsWithOneUpdateSayingSo() throws Exception {
        var r = run("0", List.of(), "generate", "--pack", "sql-quiz", "--count", "1");

        assertThat(r.code()).isZero();
        assertThat(r.aptCalls()).containsExactly("update -qq", "install -y -qq bubblewrap sqlite3");
        assertThat(r.stderr()).contains("installing bubblewrap sqlite3 for the sql-quiz pack");
    }

    @Test
    void forMechanismsItInstallsNodeAndNpmBesideBubblewrap() throws Exception {
        var r = run("0", List.of(), "generate", "--pack=mechanisms", "--count", "1");

        assertThat(r.aptCalls()).containsExactly("update -qq", "install -y -qq bubblewrap nodejs npm");
    }

    @Test
    void forServicesItInstallsShellcheckBesideBubblewrap() throws Exception {
        var r = run("0", List.of(), "generate", "--pack", "services", "--count", "1");

        assertThat(r.aptCalls()).containsExactly("update -qq", "install -y -qq bubblewrap shellcheck");
    }

    @Test
    void notRootItPrintsTheOneCommandToRunAndInstallsNothing() throws Exception {
        var r = run("1000", List.of(), "generate", "--pack", "sql-quiz", "--count", "1");

        assertThat(r.code()).isZero();
        assertThat(r.aptCalls()).isEmpty();
        assertThat(r.stderr()).contains("sudo apt-get install bubblewrap sqlite3");
    }

    @Test
    void whenEverythingIsPresentItCallsNoAptAndSaysNothing() throws Exception {
        var r = run("0", List.of("bwrap", "sqlite3"), "generate", "--pack", "sql-quiz", "--count", "1");

        assertThat(r.aptCalls()).isEmpty();
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void commandsThatRunNoChecksInstallNothing() throws Exception {
        var r = run("0", List.of(), "campaigns");

        assertThat(r.aptCalls()).isEmpty();
        assertThat(r.stderr()).isEmpty();
    }
}
