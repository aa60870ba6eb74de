package dev.scenarist.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UidPoolTest {
    @TempDir
    Path dir;

    /**
     * POSIX record locks belong to the process: closing any channel on a lock file releases every lock the process
     * holds on it. Looking at a uid another sandbox of this JVM holds must therefore not open its lock file, or
     * another Scenarist process could lease the same uid and kill this run's processes (seen as javac dying with no
     * output while two processes shared the machine).
     */
    @Test
    void a_uid_held_by_this_jvm_stays_locked_against_other_processes_while_another_pool_leases() throws Exception {
        Path locks = dir.resolve("uids");
        var first = new UidPool(62_000, 2, locks);
        var second = new UidPool(62_000, 2, locks);

        try (UidLease a = first.lease(); UidLease b = second.lease()) {
            assertThat(b.uid()).isNotEqualTo(a.uid());
            assertThat(anotherProcessCanLock(locks.resolve(a.uid() + ".lock"))).as("the first lease's lock").isFalse();
            assertThat(anotherProcessCanLock(locks.resolve(b.uid() + ".lock"))).as("the second lease's lock").isFalse();
        }
        assertThat(anotherProcessCanLock(locks.resolve("62000.lock"))).as("released after the run").isTrue();
    }

    @Test
    void a_released_uid_can_be_leased_again_in_the_same_jvm() throws Exception {
        var pool = new UidPool(62_100, 1, dir.resolve("uids"));
        int uid;
        try (UidLease a = pool.lease()) {
            uid = a.uid();
        }
        try (UidLease again = pool.lease()) {
            assertThat(again.uid()).isEqualTo(uid);
        }
    }

    /** Tries the lock from a separate JVM (a single-file Java program), as a second Scenarist process would. */
    private static boolean anotherProcessCanLock(Path file) throws Exception {
        Path program = Files.createTempFile(file.getParent(), "TryLock", ".java");
        Files.writeString(program, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class TryLock {
                    public static void main(String[] a) throws Exception {
                        try (var ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                            System.out.print(ch.tryLock() != null ? "locked" : "busy");
                        }
                    }
                }
                """);
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process p = new ProcessBuilder(java.toString(), program.toString(), file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Files.delete(program);
        assertThat(out).as("the child's answer").isIn("locked", "busy");
        return out.equals("locked");
    }
}
