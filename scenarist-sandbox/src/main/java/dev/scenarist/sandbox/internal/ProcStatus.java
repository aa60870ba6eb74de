package dev.scenarist.sandbox.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads user ids from {@code /proc/<pid>/status}. The real uid is what the kernel charges {@code RLIMIT_NPROC} to
 * and what tells a sandboxed process (running as a leased uid) from everything else on the host.
 */
public final class ProcStatus {
    private static final Path PROC = Path.of("/proc");

    private ProcStatus() {}

    /** Pids of every process on the host whose real uid is {@code uid}. */
    static List<Long> pidsOfRealUid(int uid) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, e -> isNumber(e.getFileName().toString()))) {
            for (Path e : entries) {
                OptionalInt real = uidField(e.resolve("status"), 1);
                if (real.isPresent() && real.getAsInt() == uid) pids.add(Long.parseLong(e.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list processes in /proc: " + e.getMessage(), e);
        }
        return pids;
    }

    /** Field 1 (real), 2 (effective) of the "Uid:" line; empty when the process is gone or the file unreadable. */
    private static OptionalInt uidField(Path status, int field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) return OptionalInt.of(Integer.parseInt(line.split("\\s+")[field]));
            }
        } catch (IOException | RuntimeException e) {
            // the process exited between listing and reading: it no longer counts
        }
        return OptionalInt.empty();
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }
}
