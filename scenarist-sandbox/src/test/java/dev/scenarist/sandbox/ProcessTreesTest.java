package dev.scenarist.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessTreesTest {
    @Test
    void killingAShellKillsEveryChildItStarted() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 100 & sleep 100 & wait").start();
        List<ProcessHandle> children = awaitChildren(shell, 2);

        ProcessTrees.kill(shell);

        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).as("the shell is dead").isTrue();
        for (ProcessHandle child : children) {
            assertThat(child.onExit().get(5, TimeUnit.SECONDS).isAlive()).as("sleep %d is dead", child.pid()).isFalse();
        }
    }

    @Test
    void grandchildrenAreKilledToo() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sh -c 'sleep 100 & wait' & wait").start();
        List<ProcessHandle> all = awaitChildren(shell, 2); // the inner sh and its sleep

        ProcessTrees.kill(shell);

        for (ProcessHandle p : all) assertThat(p.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void aProcessThatHasAlreadyExitedIsFine() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();

        ProcessTrees.kill(done);

        assertThat(done.isAlive()).isFalse();
    }

    private static List<ProcessHandle> awaitChildren(Process p, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> d = p.descendants().toList();
            if (d.size() >= count) return d;
            Thread.sleep(20);
        }
        throw new AssertionError("the shell did not start " + count + " processes within 10 s");
    }
}
