package dev.scenarist.sandbox;

import dev.scenarist.sandbox.testing.ThisMachine;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real escape attempts by a sandboxed command, as model-written code would make them. CI runs these as root, which
 * is the dangerous case: every attempt must fail there too, and the host must be unchanged afterwards.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SandboxEscapeTest {
    private static final String NO_CAPS = "0000000000000000";

    private final Sandbox sandbox = ThisMachine.sandbox();

    @TempDir
    Path parent;
    Path workspace;
    /** A read-only bound file: stands for the scene-API jar bound into template builds. */
    Path jar;
    /** Not bound: stands for the data directory's database next to the run folders. */
    Path database;
    /** Not bound: another run's folder. */
    Path otherRun;

    @BeforeEach
    void layOutAHostLikeScenarists() throws Exception {
        workspace = Files.createDirectory(parent.resolve("run-1"));
        Path lib = Files.createDirectory(parent.resolve("lib"));
        jar = Files.writeString(lib.resolve("scene-api.jar"), "jar bytes\n");
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        database = Files.writeString(Files.createDirectory(parent.resolve("data")).resolve("scenarist.db"), "rows\n");
        otherRun = Files.createDirectory(parent.resolve("run-2"));
        Files.writeString(otherRun.resolve("secret.txt"), "other run's secret\n");
    }

    private SandboxResult.Exited sh(String script) throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "sh", "-c", script).readOnly(jar.getParent())
                .timeout(Duration.ofSeconds(20)).build());
        assertThat(r).as("result of %s", r).isInstanceOf(SandboxResult.Exited.class);
        return (SandboxResult.Exited) r;
    }

    @Test
    void read_only_bound_files_stay_readable_to_the_unprivileged_command() throws Exception {
        SandboxResult.Exited r = sh("cat '" + jar + "'");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().text()).isEqualTo("jar bytes\n");
    }

    @Test
    void the_command_has_no_capabilities_at_all() throws Exception {
        SandboxResult.Exited r = sh("grep ^Cap /proc/self/status");

        assertThat(r.stdout().text().lines()).hasSize(5).allSatisfy(line -> assertThat(line).endsWith(NO_CAPS));
    }

    @Test
    void the_command_runs_as_an_unprivileged_uid_inside_and_on_the_host() throws Exception {
        CompletableFuture<SandboxResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return sandbox.run(SandboxRequest.builder(workspace, "sh", "-c", "id -u; id -G; exec sleep 4751").timeout(Duration.ofSeconds(3)).build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        OptionalInt hostUid = OptionalInt.empty();
        for (int i = 0; i < 50 && hostUid.isEmpty(); i++) {
            hostUid = realUidOfProcess("sleep 4751");
            Thread.sleep(50);
        }
        SandboxResult r = run.get(20, TimeUnit.SECONDS);

        assertThat(hostUid).as("the sleep was seen on the host").isPresent();
        assertThat(hostUid.getAsInt()).as("uid on the host").isNotZero();
        List<String> inside = r.stdout().text().lines().toList();
        assertThat(inside.get(0)).as("uid inside").isNotEqualTo("0");
        assertThat(inside.get(1).split(" ")).as("groups inside").doesNotContain("0");
    }

    @Test
    void remounting_read_only_binds_read_write_fails_even_from_a_new_user_namespace() throws Exception {
        String lib = jar.getParent().toString();
        SandboxResult.Exited r = sh("for m in /usr " + lib + " /; do mount -o remount,rw,bind $m 2>/dev/null && echo REMOUNTED $m; "
                + "unshare -Urm sh -c \"mount -o remount,rw,bind $m && echo NESTED-REMOUNTED $m; touch $m/scenarist-x && echo WROTE $m\" 2>/dev/null; done; "
                + "touch /usr/scenarist-x " + lib + "/scenarist-x 2>/dev/null && echo WROTE-AFTER; true");

        assertThat(r.stdout().text()).doesNotContain("REMOUNTED").doesNotContain("WROTE");
        assertThat(Path.of("/usr/scenarist-x")).doesNotExist();
        assertThat(jar.resolveSibling("scenarist-x")).doesNotExist();
    }

    @Test
    void writing_system_folders_bound_files_the_database_or_home_fails_and_leaves_them_unchanged() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "sh", "-c",
                        "for f in /usr/scenarist-x /etc/scenarist-x \"$JAR\" \"$DB\" \"$HOME/.bashrc\" /scenarist-x; do "
                                + "(echo owned >> \"$f\") 2>/dev/null && echo WROTE \"$f\"; done; "
                                + "mkdir -p \"$(dirname \"$DB\")\" 2>/dev/null && echo MADE-DB-DIR; true")
                .readOnly(jar.getParent()).env("JAR", jar.toString()).env("DB", database.toString()).env("HOME", "/root").build());

        assertThat(r.stdout().text()).doesNotContain("WROTE").doesNotContain("MADE-DB-DIR");
        assertThat(jar).hasContent("jar bytes");
        assertThat(database).hasContent("rows");
        assertThat(Path.of("/usr/scenarist-x")).doesNotExist();
        assertThat(Path.of("/etc/scenarist-x")).doesNotExist();
        assertThat(Path.of("/scenarist-x")).doesNotExist();
        assertThat(Files.readString(Path.of("/root/.bashrc")).contains("owned")).isFalse();
    }

    @Test
    void the_host_environment_and_pid_1_are_out_of_reach() throws Exception {
        SandboxResult.Exited r = sh("cat /proc/1/environ && echo READ-PID-1; cat /proc/*/environ 2>/dev/null | tr '\\0' '\\n'; "
                + "ls /proc | grep -c '^[0-9]'");

        assertThat(r.stdout().text()).doesNotContain("READ-PID-1");
        Map<String, String> sandboxEnv = SandboxRequest.DEFAULT_ENVIRONMENT;
        for (var e : System.getenv().entrySet()) {
            if (sandboxEnv.containsKey(e.getKey()) || e.getValue().length() < 4) continue;
            assertThat(r.stdout().text()).as("host variable %s", e.getKey()).doesNotContain(e.getKey() + "=" + e.getValue());
        }
        int processesVisible = Integer.parseInt(r.stdout().text().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(processesVisible).as("only the sandbox's own processes are visible").isLessThan(10);
    }

    @Test
    void another_runs_folder_and_the_data_directory_are_invisible() throws Exception {
        SandboxResult.Exited r = sh("cat '" + otherRun.resolve("secret.txt") + "' '" + database + "' 2>&1; ls '" + parent + "' 2>&1; true");

        assertThat(r.stdout().text()).doesNotContain("other run's secret").doesNotContain("rows");
        assertThat(r.stdout().text().lines()).doesNotContain("run-2", "data");
    }

    /** The real uid of the process whose whole command line is {@code commandLine}. */
    private static OptionalInt realUidOfProcess(String commandLine) throws Exception {
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path p : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ').strip();
                    if (!cmd.equals(commandLine)) continue;
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("Uid:")) return OptionalInt.of(Integer.parseInt(line.split("\\s+")[1]));
                    }
                } catch (java.io.IOException gone) {
                    // exited while we looked
                }
            }
        }
        return OptionalInt.empty();
    }
}
