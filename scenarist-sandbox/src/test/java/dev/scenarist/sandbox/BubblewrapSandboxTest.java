package dev.scenarist.sandbox;

import dev.scenarist.sandbox.testing.ThisMachine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real bubblewrap: these tests fail (rather than skip) on a machine where commands cannot be confined. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BubblewrapSandboxTest {
    private final Sandbox sandbox = ThisMachine.sandbox();

    @TempDir
    Path workspace;

    private SandboxResult sh(String script) throws Exception {
        return sandbox.run(SandboxRequest.builder(workspace, "sh", "-c", script).build());
    }

    private static SandboxResult.Exited exited(SandboxResult r) {
        assertThat(r).as("result of %s", r).isInstanceOf(SandboxResult.Exited.class);
        return (SandboxResult.Exited) r;
    }

    @Test
    void captures_the_exit_code_and_both_output_streams() throws Exception {
        SandboxResult.Exited r = exited(sh("echo out; echo err >&2; exit 3"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout().text()).isEqualTo("out\n");
        assertThat(r.stderr().text()).isEqualTo("err\n");
        assertThat(r.confined()).isTrue();
        assertThat(r.timedOut()).isFalse();
    }

    @Test
    void runs_in_the_workspace_and_may_write_there() throws Exception {
        SandboxResult.Exited r = exited(sh("pwd; echo hello > made-inside.txt"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().text().strip()).isEqualTo(workspace.toRealPath().toString());
        assertThat(workspace.resolve("made-inside.txt")).hasContent("hello");
    }

    @Test
    void a_timeout_kills_the_command_and_every_process_it_started() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "sh", "-c", "sleep 4711 & sleep 4712; wait")
                .timeout(Duration.ofSeconds(1)).build());

        assertThat(r).isInstanceOf(SandboxResult.TimedOut.class);
        assertThat(r.timedOut()).isTrue();
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(10));
        assertThat(survivorsRunning("sleep 4711", "sleep 4712")).as("sleep processes left behind").isEmpty();
    }

    @Test
    void a_memory_limit_stops_a_process_that_allocates_too_much() throws Exception {
        SandboxRequest hungry = SandboxRequest.builder(workspace, "perl", "-e", "my $x = 'a' x 2_000_000_000; print length($x)")
                .memoryMegabytes(256).build();
        SandboxRequest modest = SandboxRequest.builder(workspace, "perl", "-e", "my $x = 'a' x 10_000_000; print length($x)")
                .memoryMegabytes(256).build();

        SandboxResult.Exited refused = exited(sandbox.run(hungry));
        SandboxResult.Exited allowed = exited(sandbox.run(modest));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr().text()).containsIgnoringCase("out of memory");
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.stdout().text()).isEqualTo("10000000");
    }

    @Test
    void writes_outside_the_workspace_fail(@TempDir Path outside) throws Exception {
        SandboxResult.Exited usr = exited(sh("touch /usr/scenarist-x"));
        SandboxResult.Exited root = exited(sh("touch /scenarist-x"));
        SandboxResult.Exited home = exited(sandbox.run(SandboxRequest.builder(workspace, "sh", "-c", "touch \"$HOME/x\"")
                .env("HOME", outside.toString()).build()));

        assertThat(usr.exitCode()).isNotZero();
        assertThat(usr.stderr().text()).contains("Read-only file system");
        assertThat(Path.of("/usr/scenarist-x")).doesNotExist();
        assertThat(root.exitCode()).isNotZero();
        assertThat(root.stderr().text()).contains("Read-only file system");
        assertThat(Path.of("/scenarist-x")).doesNotExist();
        assertThat(home.exitCode()).isNotZero();
        assertThat(outside.resolve("x")).doesNotExist();
    }

    @Test
    void read_only_paths_can_be_read_but_not_written(@TempDir Path pack) throws Exception {
        // readable by others, as a pack folder normally is (JUnit makes it 700): as root the command runs as nobody in particular
        Files.setPosixFilePermissions(pack, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(pack.resolve("rules.txt"), "be kind\n");
        SandboxRequest read = SandboxRequest.builder(workspace, "cat", pack.resolve("rules.txt").toString()).readOnly(pack).build();
        SandboxRequest write = SandboxRequest.builder(workspace, "sh", "-c", "echo x > " + pack.resolve("new.txt")).readOnly(pack).build();

        assertThat(exited(sandbox.run(read)).stdout().text()).isEqualTo("be kind\n");
        assertThat(exited(sandbox.run(write)).exitCode()).isNotZero();
        assertThat(pack.resolve("new.txt")).doesNotExist();
    }

    @Test
    void the_network_is_unavailable_even_to_a_port_listening_on_this_machine() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String connect = "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo connected";
            SandboxRequest request = SandboxRequest.builder(workspace, "bash", "-c", connect).timeout(Duration.ofSeconds(10)).build();

            SandboxResult.Exited confined = exited(sandbox.run(request));
            SandboxResult.Exited control = exited(Sandbox.unconfined().run(request));

            assertThat(control.stdout().text()).as("the same command unconfined reaches the port").contains("connected");
            assertThat(confined.exitCode()).isNotZero();
            assertThat(confined.stdout().text()).doesNotContain("connected");
        }
    }

    @Test
    void only_the_loopback_device_exists() throws Exception {
        SandboxResult.Exited r = exited(sh("tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '"));

        assertThat(r.stdout().text().strip().lines()).containsExactly("lo");
    }

    @Test
    void the_parents_environment_is_not_passed_on_unless_listed() throws Exception {
        SandboxResult.Exited r = exited(sandbox.run(SandboxRequest.builder(workspace, "env").env("ONLY_THIS", "yes").build()));

        Set<String> names = r.stdout().text().lines().map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toSet());
        // PWD is set by bwrap from --chdir
        assertThat(names).containsExactlyInAnyOrder("PATH", "HOME", "LANG", "ONLY_THIS", "PWD");
        assertThat(r.stdout().text()).contains("HOME=/tmp\n").contains("ONLY_THIS=yes\n");
        assertThat(System.getenv()).isNotEmpty();
        for (var e : System.getenv().entrySet()) {
            if (!names.contains(e.getKey())) assertThat(r.stdout().text()).doesNotContain(e.getKey() + "=" + e.getValue());
        }
    }

    @Test
    void huge_output_is_truncated_without_hanging() throws Exception {
        SandboxResult.Exited r = exited(sandbox.run(SandboxRequest.builder(workspace, "sh", "-c",
                "head -c 50000000 /dev/zero | tr '\\0' a; echo; echo END; head -c 30000000 /dev/zero | tr '\\0' e >&2")
                .maxOutputBytes(64 * 1024).build()));

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().truncated()).isTrue();
        assertThat(r.stdout().totalBytes()).isEqualTo(50_000_005L);
        assertThat(r.stdout().text()).contains("bytes truncated").endsWith("END\n").hasSizeLessThan(64 * 1024 + 100);
        assertThat(r.stderr().truncated()).isTrue();
        assertThat(r.stderr().totalBytes()).isEqualTo(30_000_000L);
    }

    @Test
    void a_missing_command_exits_with_127_inside_the_sandbox() throws Exception {
        SandboxResult.Exited r = exited(sandbox.run(SandboxRequest.builder(workspace, "no-such-command-xyz").build()));

        assertThat(r.exitCode()).isEqualTo(127);
    }

    @Test
    void refuses_to_run_when_bwrap_is_missing_and_names_the_fix() {
        Sandbox missing = new BubblewrapSandbox(Optional.empty(), Optional.of(Path.of("/usr/bin/prlimit")), ThisMachine.TMP_DIR, ThisMachine.ROOT);

        assertThatThrownBy(() -> missing.run(SandboxRequest.builder(workspace, "true").build()))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("bwrap")
                .hasMessageContaining("apt-get install bubblewrap");
    }

    @Test
    void refuses_to_run_when_bwrap_cannot_create_a_sandbox() {
        // /usr/bin/false stands in for a bwrap that exists but is denied namespaces
        Sandbox denied = new BubblewrapSandbox(Optional.of(Path.of("/usr/bin/false")), Optional.of(Path.of("/usr/bin/prlimit")), ThisMachine.TMP_DIR, ThisMachine.ROOT);

        assertThatThrownBy(() -> denied.run(SandboxRequest.builder(workspace, "true").build()))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("cannot create a sandbox")
                .hasMessageContaining("user namespaces");
    }

    @Test
    void a_read_only_path_that_does_not_exist_is_a_sandbox_error_not_a_command_failure() {
        SandboxRequest request = SandboxRequest.builder(workspace, "true").readOnly(workspace.resolve("absent")).build();

        assertThatThrownBy(() -> sandbox.run(request))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("absent");
    }

    @Test
    void the_command_line_confines_with_bwrap_and_limits_with_prlimit() throws Exception {
        List<String> cmd = ((BubblewrapSandbox) sandbox).commandLine(SandboxRequest.builder(workspace, "echo", "hi")
                .memoryBytes(100L << 20).timeout(Duration.ofSeconds(5)).maxFileBytes(1L << 20).build(), workspace, OptionalInt.of(61_000));

        assertThat(cmd).containsSubsequence("--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session", "--clearenv",
                "--cap-drop", "ALL", "--");
        assertThat(cmd).containsSubsequence("--bind", workspace.toString(), "/tmp");
        assertThat(cmd).contains("--as=" + (100L << 20), "--cpu=6", "--nproc=256", "--fsize=" + (1L << 20));
        assertThat(cmd.subList(cmd.size() - 2, cmd.size())).containsExactly("echo", "hi");
    }

    /** Processes whose command line ends with one of the markers (the sleeps themselves, not the shell that started them). */
    static List<String> survivorsRunning(String... markers) throws InterruptedException {
        List<String> found = List.of();
        for (int i = 0; i < 20; i++) {
            found = ProcessHandle.allProcesses()
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> Arrays.stream(markers).anyMatch(c::endsWith))
                    .toList();
            if (found.isEmpty()) return found;
            Thread.sleep(100);
        }
        return found;
    }
}
