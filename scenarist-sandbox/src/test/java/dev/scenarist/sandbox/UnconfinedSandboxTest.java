package dev.scenarist.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnconfinedSandboxTest {
    private final Sandbox sandbox = Sandbox.unconfined();

    @TempDir
    Path workspace;

    @Test
    void says_it_is_not_confined() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "true").build());

        assertThat(sandbox.confined()).isFalse();
        assertThat(r.confined()).isFalse();
    }

    @Test
    void still_replaces_the_environment_with_the_requested_one() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "/usr/bin/env").env("ONLY_THIS", "yes").build());

        assertThat(r.stdout().text().lines().map(l -> l.substring(0, l.indexOf('='))))
                .containsExactlyInAnyOrder("PATH", "HOME", "LANG", "ONLY_THIS");
    }

    @Test
    void still_kills_the_process_tree_at_the_timeout() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "sh", "-c", "sleep 4721 & sleep 4722; wait")
                .timeout(Duration.ofMillis(500)).build());

        assertThat(r).isInstanceOf(SandboxResult.TimedOut.class);
        assertThat(BubblewrapSandboxTest.survivorsRunning("sleep 4721", "sleep 4722")).isEmpty();
    }

    @Test
    void still_applies_the_memory_limit() throws Exception {
        SandboxResult r = sandbox.run(SandboxRequest.builder(workspace, "perl", "-e", "my $x = 'a' x 2_000_000_000")
                .memoryMegabytes(256).build());

        assertThat(((SandboxResult.Exited) r).exitCode()).isNotZero();
    }
}
