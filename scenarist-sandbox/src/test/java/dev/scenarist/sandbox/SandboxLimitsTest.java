package dev.scenarist.sandbox;

import dev.scenarist.sandbox.testing.ThisMachine;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bombs against each limit, small enough to finish in seconds: each must be stopped, reported as the limit it
 * ran into with the measured value, and leave no processes, scratch folders or giant files on the host.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SandboxLimitsTest {
    private static final Path TMPDIR = ThisMachine.TMP_DIR;

    private final Sandbox sandbox = ThisMachine.sandbox();

    @TempDir
    Path workspace;
    private List<Path> scratchBefore;

    @BeforeEach
    void rememberScratchFolders() throws Exception {
        scratchBefore = scratchFolders();
    }

    private static List<Path> scratchFolders() throws Exception {
        try (Stream<Path> s = Files.list(TMPDIR)) {
            return s.filter(p -> p.getFileName().toString().startsWith("scenarist-sandbox-tmp-")).toList();
        }
    }

    private void assertNoScratchFolderLeft() throws Exception {
        assertThat(scratchFolders()).as("the sandbox's /tmp folders on the host").isSubsetOf(scratchBefore);
    }

    private static SandboxResult.LimitExceeded exceeded(SandboxResult r, SandboxLimit limit) {
        assertThat(r).as("result of %s", r).isInstanceOf(SandboxResult.LimitExceeded.class);
        SandboxResult.LimitExceeded l = (SandboxResult.LimitExceeded) r;
        assertThat(l.limit()).isEqualTo(limit);
        return l;
    }

    @Test
    void a_fork_bomb_is_stopped_at_the_process_limit_and_leaves_nothing_running() throws Exception {
        // each child marks that it started, then stays alive (as sleep 4761) so the processes pile up
        String bomb = "for (1..500) { my $p = fork; next unless defined $p; if ($p == 0) { open my $f, '>', \"started.$$\"; close $f; "
                + "exec 'sleep', '4761' } } sleep 60";
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "perl", "-e", bomb)
                .maxProcesses(16).timeout(Duration.ofSeconds(20)).build());

        long started;
        try (Stream<Path> s = Files.list(workspace)) {
            started = s.filter(p -> p.getFileName().toString().startsWith("started.")).count();
        }
        assertThat(started).as("children that got to run").isPositive().isLessThanOrEqualTo(16);
        assertThat(r.duration()).as("stopped long before the timeout").isLessThan(Duration.ofSeconds(10));
        assertThat(BubblewrapSandboxTest.survivorsRunning("sleep 4761")).as("bomb processes left on the host").isEmpty();
        if (((BubblewrapSandbox) sandbox).leasesUids()) {
            SandboxResult.LimitExceeded l = exceeded(r, SandboxLimit.PROCESSES);
            assertThat(l.limitValue()).isEqualTo(16);
            assertThat(l.describe()).contains("16 processes running at once, the sandbox limit of 16");
        }
        assertNoScratchFolderLeft();
    }

    @Test
    void writing_64_MiB_into_tmp_past_a_small_workspace_byte_limit_is_stopped_and_nothing_is_left() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "sh", "-c", "head -c 67108864 /dev/zero > /tmp/big; sleep 5")
                .maxWorkspaceBytes(8L << 20).timeout(Duration.ofSeconds(20)).build());

        SandboxResult.LimitExceeded l = exceeded(r, SandboxLimit.WORKSPACE_BYTES);
        assertThat(l.measured()).isGreaterThan(8L << 20);
        assertThat(l.describe()).contains("the workspace and /tmp hold").contains("over the sandbox limit of 8.0 MiB");
        assertThat(r.duration()).as("stopped by the watchdog, not the sleep").isLessThan(Duration.ofSeconds(4));
        assertNoScratchFolderLeft();
    }

    @Test
    void a_file_past_the_file_size_limit_kills_its_writer_and_names_the_limit() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "sh", "-c", "exec head -c 5000000 /dev/zero > big.bin")
                .maxFileBytes(1L << 20).build());

        SandboxResult.LimitExceeded l = exceeded(r, SandboxLimit.FILE_SIZE);
        assertThat(l.limitValue()).isEqualTo(1L << 20);
        assertThat(l.measured()).isEqualTo(1L << 20);
        assertThat(Files.size(workspace.resolve("big.bin"))).isEqualTo(1L << 20);
        assertThat(l.describe()).contains("file-size limit of 1.0 MiB");
    }

    @Test
    void a_hundred_thousand_files_are_stopped_early_at_the_file_count_limit_and_clean_up_quickly() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "sh", "-c",
                        "mkdir d; i=0; while [ $i -lt 100000 ]; do : > d/f$i; i=$((i+1)); done")
                .maxWorkspaceFiles(5_000).timeout(Duration.ofSeconds(60)).build());

        SandboxResult.LimitExceeded l = exceeded(r, SandboxLimit.WORKSPACE_FILES);
        long left;
        try (Stream<Path> s = Files.walk(workspace)) {
            left = s.count() - 1;
        }
        // the measurement also counts the mount points bwrap made in the sandbox's /tmp
        assertThat(l.measured()).isGreaterThan(5_000).isBetween(left, left + 3);
        assertThat(r.duration()).as("stopped long before the loop would end").isLessThan(Duration.ofSeconds(10));
        assertThat(left).as("files written before the watchdog stopped it").isLessThan(30_000);
        assertThat(l.describe()).isEqualTo("the workspace holds " + SandboxLimit.count(l.measured()) + " files, over the sandbox limit of 5 000");

        long t0 = System.nanoTime();
        try (Stream<Path> s = Files.walk(workspace)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(workspace)) Files.delete(p);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("cleaning the workspace").isLessThan(Duration.ofSeconds(5));
        assertNoScratchFolderLeft();
    }

    @Test
    void files_within_every_limit_run_normally() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "sh", "-c",
                "mkdir d; for i in 1 2 3; do head -c 100000 /dev/zero > d/f$i; done; echo scratch > /tmp/s; cat /tmp/s").build());

        assertThat(r).isInstanceOf(SandboxResult.Exited.class);
        assertThat(((SandboxResult.Exited) r).exitCode()).isZero();
        assertThat(r.stdout().text()).isEqualTo("scratch\n");
        assertThat(workspace.resolve("d/f3")).hasSize(100_000);
        assertThat((Integer) Files.getAttribute(workspace.resolve("d/f3"), "unix:uid"))
                .as("the workspace is given back to its owner").isEqualTo((Integer) Files.getAttribute(workspace, "unix:uid"));
        assertNoScratchFolderLeft();
    }
}
