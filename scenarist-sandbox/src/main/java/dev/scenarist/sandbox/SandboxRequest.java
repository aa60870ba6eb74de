package dev.scenarist.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One command to run. Immutable and validated when built; build it with {@link #builder(Path, List)}.
 *
 * <p>There is deliberately no switch for the network: sandboxed commands never have one.
 *
 * @param argv          the command and its arguments, run directly (no shell); {@code argv[0]} is looked up on the
 *                      request's {@code PATH}
 * @param workDir       the working directory (the workspace): the only place the command may write, bound
 *                      read-write at its own absolute path
 * @param readOnlyPaths further files or folders the command may read (e.g. the pack folder), at their own paths
 * @param environment   the command's complete environment; nothing is inherited from the parent process.
 *                      Defaults to {@link #DEFAULT_ENVIRONMENT}
 * @param timeout       wall-clock limit; at the limit the whole process tree is killed. Default 30 s
 * @param limits        what the command may use besides time (each also readable here, {@link #memoryBytes()} …);
 *                      default {@link Limits#DEFAULTS}
 */
public record SandboxRequest(List<String> argv, Path workDir, List<Path> readOnlyPaths, Map<String, String> environment,
                             Duration timeout, Limits limits) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MEMORY_BYTES = 1L << 30;
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_PROCESSES = 256;
    public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;
    public static final long DEFAULT_MAX_WORKSPACE_BYTES = 2L << 30;
    public static final long DEFAULT_MAX_WORKSPACE_FILES = 20_000;
    /** The whole default environment: enough for ordinary tools, nothing of the caller's. */
    public static final Map<String, String> DEFAULT_ENVIRONMENT =
            Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp", "LANG", "C.UTF-8");

    private static final long MIN_MEMORY_BYTES = 16L << 20;

    public SandboxRequest {
        Objects.requireNonNull(argv, "argv");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(readOnlyPaths, "readOnlyPaths");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(timeout, "timeout");
        argv = List.copyOf(argv);
        readOnlyPaths = List.copyOf(readOnlyPaths);
        environment = Map.copyOf(environment);
        if (argv.isEmpty() || argv.getFirst().isBlank()) {
            throw new IllegalArgumentException("argv is empty: give the command to run, e.g. [\"sqlite3\", \"-bail\", \"db\"]");
        }
        for (String a : argv) {
            if (a.indexOf('\0') >= 0) throw new IllegalArgumentException("argument contains a NUL character: " + a.replace('\0', '?'));
        }
        if (!workDir.isAbsolute()) {
            throw new IllegalArgumentException("workDir must be an absolute path, got '" + workDir + "' (use path.toAbsolutePath())");
        }
        for (Path p : readOnlyPaths) {
            if (!p.isAbsolute()) throw new IllegalArgumentException("read-only path must be absolute, got '" + p + "'");
        }
        environment.forEach((k, v) -> {
            if (k.isEmpty() || k.indexOf('=') >= 0 || k.indexOf('\0') >= 0 || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name or value: '" + k + "'");
            }
        });
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * The resources a command may use besides time; {@link SandboxLimit} names what reaching one reports.
     *
     * @param memoryBytes   address-space limit ({@code RLIMIT_AS}) of each process. Default 1 GiB
     * @param maxOutputBytes bytes kept per stream (stdout, stderr); the rest is drained and counted. Default 1 MiB
     * @param maxProcesses  processes (and threads) running at once ({@code RLIMIT_NPROC}), against fork bombs. Binding
     *                      even when Scenarist runs as root, because the command then runs as a leased unprivileged uid.
     *                      Reaching it is {@link SandboxLimit#PROCESSES}. Default 256
     * @param maxFileBytes  size of any one file the command writes ({@code RLIMIT_FSIZE}); a write past it kills the
     *                      writer ({@link SandboxLimit#FILE_SIZE}). Default 256 MiB
     * @param maxWorkspaceBytes bytes of all files in the workspace and the private {@code /tmp} together, measured while
     *                      the command runs; over it the command is killed ({@link SandboxLimit#WORKSPACE_BYTES}).
     *                      Default 2 GiB
     * @param maxWorkspaceFiles files and folders in the workspace and the private {@code /tmp} together, measured the
     *                      same way ({@link SandboxLimit#WORKSPACE_FILES}). Default 20 000
     */
    public record Limits(long memoryBytes, int maxOutputBytes, int maxProcesses, long maxFileBytes, long maxWorkspaceBytes,
                         long maxWorkspaceFiles) {
        public static final Limits DEFAULTS = new Limits(DEFAULT_MEMORY_BYTES, DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_MAX_PROCESSES,
                DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_WORKSPACE_BYTES, DEFAULT_MAX_WORKSPACE_FILES);

        public Limits {
            if (memoryBytes < MIN_MEMORY_BYTES) {
                throw new IllegalArgumentException("memory limit " + memoryBytes + " bytes is too small to start a process; use at least "
                        + MIN_MEMORY_BYTES + " (16 MiB)");
            }
            if (maxOutputBytes < 1024) throw new IllegalArgumentException("maxOutputBytes must be at least 1024, got " + maxOutputBytes);
            if (maxProcesses < 2) {
                throw new IllegalArgumentException("maxProcesses must be at least 2 (the command and one child), got " + maxProcesses);
            }
            if (maxFileBytes < 1024) throw new IllegalArgumentException("maxFileBytes must be at least 1024, got " + maxFileBytes);
            if (maxWorkspaceBytes < 1024) throw new IllegalArgumentException("maxWorkspaceBytes must be at least 1024, got " + maxWorkspaceBytes);
            if (maxWorkspaceFiles < 1) throw new IllegalArgumentException("maxWorkspaceFiles must be at least 1, got " + maxWorkspaceFiles);
        }
    }

    /** Address-space limit ({@code RLIMIT_AS}) of each process. */
    public long memoryBytes() {
        return limits.memoryBytes();
    }

    /** Bytes kept per stream (stdout, stderr). */
    public int maxOutputBytes() {
        return limits.maxOutputBytes();
    }

    /** Processes (and threads) running at once ({@code RLIMIT_NPROC}). */
    public int maxProcesses() {
        return limits.maxProcesses();
    }

    /** Size of any one file the command writes ({@code RLIMIT_FSIZE}). */
    public long maxFileBytes() {
        return limits.maxFileBytes();
    }

    /** Bytes of all files in the workspace and the private {@code /tmp} together. */
    public long maxWorkspaceBytes() {
        return limits.maxWorkspaceBytes();
    }

    /** Files and folders in the workspace and the private {@code /tmp} together. */
    public long maxWorkspaceFiles() {
        return limits.maxWorkspaceFiles();
    }

    public static Builder builder(Path workDir, List<String> argv) {
        return new Builder(workDir, argv);
    }

    public static Builder builder(Path workDir, String... argv) {
        return new Builder(workDir, List.of(argv));
    }

    /** Builds a request starting from the documented defaults. */
    public static final class Builder {
        private final Path workDir;
        private final List<String> argv;
        private final List<Path> readOnly = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>(DEFAULT_ENVIRONMENT);
        private Duration timeout = DEFAULT_TIMEOUT;
        private long memoryBytes = DEFAULT_MEMORY_BYTES;
        private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
        private int maxProcesses = DEFAULT_MAX_PROCESSES;
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        private long maxWorkspaceBytes = DEFAULT_MAX_WORKSPACE_BYTES;
        private long maxWorkspaceFiles = DEFAULT_MAX_WORKSPACE_FILES;

        private Builder(Path workDir, List<String> argv) {
            this.workDir = workDir;
            this.argv = List.copyOf(argv);
        }

        public Builder readOnly(Path path) {
            readOnly.add(path);
            return this;
        }

        /** Adds or replaces one environment variable. */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Replaces the whole environment (the defaults included) with exactly these variables. */
        public Builder environment(Map<String, String> variables) {
            env.clear();
            env.putAll(variables);
            return this;
        }

        public Builder timeout(Duration t) {
            timeout = t;
            return this;
        }

        public Builder memoryBytes(long bytes) {
            memoryBytes = bytes;
            return this;
        }

        public Builder memoryMegabytes(long mb) {
            return memoryBytes(mb << 20);
        }

        public Builder maxOutputBytes(int bytes) {
            maxOutputBytes = bytes;
            return this;
        }

        public Builder maxProcesses(int n) {
            maxProcesses = n;
            return this;
        }

        public Builder maxFileBytes(long bytes) {
            maxFileBytes = bytes;
            return this;
        }

        public Builder maxWorkspaceBytes(long bytes) {
            maxWorkspaceBytes = bytes;
            return this;
        }

        public Builder maxWorkspaceFiles(long files) {
            maxWorkspaceFiles = files;
            return this;
        }

        public SandboxRequest build() {
            return new SandboxRequest(argv, workDir, readOnly, env, timeout,
                    new Limits(memoryBytes, maxOutputBytes, maxProcesses, maxFileBytes, maxWorkspaceBytes, maxWorkspaceFiles));
        }
    }
}
