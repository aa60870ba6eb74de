package dev.scenarist.sandbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    /** The Uid line is the ninth of a status file, well inside its first kilobyte (its name alone may be 64 bytes). */
    private static final int HEAD_BYTES = 2048;

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

    /**
     * Field 1 (real), 2 (effective) of the "Uid:" line; empty when the process is gone or the file unreadable. Only the
     * head of the file is read and parsed by hand: the watchdog scans every process on the host a few times a second
     * per sandbox, and reading whole files into lines and splitting them by regex cost a few percent of a campaign.
     */
    static OptionalInt uidField(Path status, int field) {
        byte[] head;
        try (InputStream in = Files.newInputStream(status)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // the process exited between listing and reading: it no longer counts
        }
        return uidField(new String(head, StandardCharsets.ISO_8859_1), field);
    }

    /** The same, from the text of a status file (or its head). */
    static OptionalInt uidField(String status, int field) {
        int line = status.startsWith("Uid:") ? 0 : status.indexOf("\nUid:") + 1; // 0: no such line
        if (line == 0 && !status.startsWith("Uid:")) return OptionalInt.empty();
        int i = line + "Uid:".length();
        for (int f = 1; ; f++) {
            while (i < status.length() && (status.charAt(i) == ' ' || status.charAt(i) == '\t')) i++;
            int from = i;
            while (i < status.length() && Character.isDigit(status.charAt(i))) i++;
            if (i == from) return OptionalInt.empty(); // the line ended (or was cut off) before this field
            if (f == field) {
                try {
                    return OptionalInt.of(Integer.parseInt(status, from, i, 10));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }
}
