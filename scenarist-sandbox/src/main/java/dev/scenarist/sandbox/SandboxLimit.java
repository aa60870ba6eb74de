package dev.scenarist.sandbox;

import java.util.Locale;

/**
 * A resource limit of the sandbox that a command can run into and that Scenarist can tell apart from an ordinary
 * failure. Running out of memory ({@code RLIMIT_AS}) is deliberately missing: the kernel only makes an allocation
 * fail, and what the program then does (print "Out of memory!", throw {@code OutOfMemoryError}, carry on) cannot be
 * told apart reliably from its exit, so it stays an {@link SandboxResult.Exited}.
 */
public enum SandboxLimit {
    /** Processes running at once as the sandbox's user ({@code RLIMIT_NPROC}); further forks fail with EAGAIN. */
    PROCESSES("processes") {
        @Override
        String sentence(long limit, long measured) {
            return "the command had " + count(measured) + " processes running at once, the sandbox limit of " + count(limit)
                    + " (further processes were refused)";
        }
    },
    /** Size of any one file ({@code RLIMIT_FSIZE}); a write past it kills the writer with SIGXFSZ. */
    FILE_SIZE("file size") {
        @Override
        String sentence(long limit, long measured) {
            return "a process was stopped writing a file past the sandbox's file-size limit of " + bytes(limit)
                    + " (largest file left: " + bytes(measured) + ")";
        }
    },
    /** Bytes of all regular files in the workspace and the sandbox's private {@code /tmp} together. */
    WORKSPACE_BYTES("workspace bytes") {
        @Override
        String sentence(long limit, long measured) {
            return "the workspace and /tmp hold " + bytes(measured) + ", over the sandbox limit of " + bytes(limit);
        }
    },
    /** Entries (files, folders, links) in the workspace and the sandbox's private {@code /tmp} together. */
    WORKSPACE_FILES("workspace files") {
        @Override
        String sentence(long limit, long measured) {
            return "the workspace holds " + count(measured) + " files, over the sandbox limit of " + count(limit);
        }
    },
    /** CPU seconds of one process ({@code RLIMIT_CPU}, the timeout plus one second); the kernel sends SIGXCPU. */
    CPU_TIME("CPU time") {
        @Override
        String sentence(long limit, long measured) {
            return "a process used " + count(measured) + " s of CPU time, the sandbox limit of " + count(limit) + " s";
        }
    };

    private final String label;

    SandboxLimit(String label) {
        this.label = label;
    }

    /** A short name for logs, e.g. "file size". */
    public String label() {
        return label;
    }

    abstract String sentence(long limit, long measured);

    /** 10001 → "10 001": limits are easier to compare when the digits are grouped. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** Bytes with a binary unit and the exact count, e.g. "64.0 MiB (67 108 864 bytes)". */
    static String bytes(long n) {
        if (n < 1024) return count(n) + " bytes";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%s bytes)", v, units[u], count(n));
    }
}
