package dev.scenarist.sandbox;

import dev.scenarist.sandbox.internal.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confines commands with bubblewrap and limits them with prlimit:
 *
 * <pre>
 * bwrap --unshare-all --die-with-parent --new-session
 *       --ro-bind /usr /usr  [--ro-bind /etc/alternatives …]  --symlink usr/bin /bin  (lib, lib64, sbin likewise)
 *       --proc /proc --dev /dev --tmpfs /tmp
 *       --ro-bind P P (each read-only path)   --bind W W (the workspace)   --remount-ro /   --chdir W
 *       --clearenv --setenv K V …
 *       -- /usr/bin/prlimit --as=BYTES --cpu=SECONDS --nproc=N --core=0 -- argv…
 * </pre>
 *
 * Everything outside {@code /usr}, the workspace and the listed read-only paths is absent; the network namespace
 * has only a loopback device that is down; the root is read-only and {@code /tmp} a private, empty tmpfs (scratch
 * space that disappears with the run). bwrap sets {@code PWD} besides the requested environment. prlimit runs inside the sandbox
 * so the limits bind the command, not bwrap itself.
 *
 * <p>When bwrap is missing or cannot create namespaces (e.g. in a container without user namespaces) every
 * {@link #run} throws {@link SandboxUnavailableException}: it never falls back to running unconfined.
 */
public final class BubblewrapSandbox implements Sandbox {
    static final String INSTALL_HINT = "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap)";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> SYSTEM_LINKS = List.of("bin", "lib", "lib64", "sbin");

    private final Optional<Path> bwrap;
    private final Optional<Path> prlimit;
    private final Object probeLock = new Object();
    /** null until probed; then empty (works) or the reason it does not. */
    private Optional<String> probeFailure;

    public BubblewrapSandbox(Optional<Path> bwrap, Optional<Path> prlimit) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
    }

    /** Finds {@code bwrap} on this process's {@code PATH} (or {@code /usr/bin}) and {@code prlimit} under {@code /usr}. */
    public static BubblewrapSandbox locate() {
        String path = System.getenv("PATH");
        return locate((path == null ? "" : path + ":") + "/usr/bin:/usr/sbin");
    }

    /**
     * Finds {@code bwrap} on exactly the given search path (an application passes its own view of {@code PATH}, so
     * the sandbox and the preflight that checks it agree on what is installed) and {@code prlimit} under {@code /usr}.
     */
    public static BubblewrapSandbox locate(String searchPath) {
        Optional<Path> bwrap = findOnPath("bwrap", searchPath);
        // prlimit runs inside the sandbox, where only /usr exists
        Optional<Path> prlimit = Optional.of(Path.of("/usr/bin/prlimit")).filter(Files::isExecutable);
        return new BubblewrapSandbox(bwrap, prlimit);
    }

    /** The first executable {@code command} in the colon-separated {@code searchPath}'s folders. */
    public static Optional<Path> findOnPath(String command, String searchPath) {
        if (searchPath == null) return Optional.empty();
        for (String d : searchPath.split(":")) {
            if (d.isBlank()) continue;
            Path candidate = Path.of(d).resolve(command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The bwrap this sandbox runs, if found. */
    public Optional<Path> bwrap() {
        return bwrap;
    }

    /** The prlimit this sandbox runs inside the sandbox, if found. */
    public Optional<Path> prlimit() {
        return prlimit;
    }

    @Override
    public boolean confined() {
        return true;
    }

    /**
     * Checks once, by starting {@code true} in a sandbox, that bwrap can create its namespaces here.
     *
     * @throws SandboxUnavailableException naming what is missing and how to fix it
     */
    public void probe() throws SandboxUnavailableException, InterruptedException {
        Optional<String> failure;
        synchronized (probeLock) {
            if (probeFailure == null) probeFailure = runProbe();
            failure = probeFailure;
        }
        if (failure.isPresent()) throw new SandboxUnavailableException(failure.get());
    }

    private Optional<String> runProbe() throws InterruptedException {
        Optional<String> missing = missingTool();
        if (missing.isPresent()) return missing;
        List<String> cmd = new ArrayList<>(List.of(bwrap.get().toString(), "--unshare-all", "--die-with-parent", "--new-session"));
        systemMounts(cmd);
        cmd.addAll(List.of("--clearenv", "--", prlimit.get().toString(), "--as=" + (256L << 20), "--", "/usr/bin/true"));
        try {
            SandboxResult r = ProcessRunner.run(new ProcessRunner.Launch(cmd, Map.of(), Path.of("/"), PROBE_TIMEOUT, 8192, true));
            if (r instanceof SandboxResult.Exited e && e.succeeded()) return Optional.empty();
            String why = r instanceof SandboxResult.Exited e ? "exit " + e.exitCode() + ": " + r.stderr().tail(500) : "it timed out";
            return Optional.of("bubblewrap is installed (" + bwrap.get() + ") but cannot create a sandbox here (" + why + "). "
                    + "It needs unprivileged user namespaces: on Debian/Ubuntu check `sysctl kernel.unprivileged_userns_clone` "
                    + "and `kernel.apparmor_restrict_unprivileged_userns`; in Docker run with a seccomp profile that allows "
                    + "clone/unshare (or --privileged). If bwrap is missing: " + INSTALL_HINT);
        } catch (IOException e) {
            return Optional.of("cannot start " + bwrap.get() + ": " + e.getMessage() + "; " + INSTALL_HINT);
        }
    }

    @Override
    public SandboxResult run(SandboxRequest request) throws SandboxUnavailableException, InterruptedException {
        probe();
        List<String> cmd = commandLine(request);
        SandboxResult result;
        try {
            result = ProcessRunner.run(new ProcessRunner.Launch(cmd, Map.of(), realPath(request.workDir()),
                    request.timeout(), request.maxOutputBytes(), true));
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot start bwrap: " + e.getMessage() + "; " + INSTALL_HINT, e);
        }
        // bwrap reports its own setup failures (a bind it cannot make, namespaces refused) as "bwrap: …" with exit 1;
        // that is the sandbox failing, not the command, and must not be reported as the command's result
        if (result instanceof SandboxResult.Exited e && e.exitCode() == 1 && e.stdout().totalBytes() == 0
                && e.stderr().text().startsWith("bwrap: ")) {
            throw new SandboxUnavailableException("bubblewrap could not set up the sandbox: " + e.stderr().tail(500));
        }
        return result;
    }

    /** The full bwrap command line for a request (public for diagnostics and logs). */
    public List<String> commandLine(SandboxRequest request) throws SandboxUnavailableException {
        Optional<String> missing = missingTool();
        if (missing.isPresent()) throw new SandboxUnavailableException(missing.get());
        Path work = realPath(request.workDir());
        if (!Files.isDirectory(work)) {
            throw new SandboxUnavailableException("working directory " + request.workDir() + " does not exist or is not a folder");
        }
        List<Bind> binds = new ArrayList<>();
        for (Path p : request.readOnlyPaths()) {
            Path real = realPath(p);
            if (!Files.exists(real)) {
                throw new SandboxUnavailableException("read-only path " + p + " does not exist; create it or leave it out of the request");
            }
            binds.add(new Bind(real, false));
        }
        binds.add(new Bind(work, true));
        // parents before children, so a read-only folder inside the workspace (or the reverse) stays as asked
        binds.sort(Comparator.comparingInt(b -> b.path().getNameCount()));

        List<String> cmd = new ArrayList<>(List.of(bwrap.orElseThrow().toString(), "--unshare-all", "--die-with-parent", "--new-session"));
        systemMounts(cmd);
        for (Bind b : binds) cmd.addAll(List.of(b.writable() ? "--bind" : "--ro-bind", b.path().toString(), b.path().toString()));
        // the root bwrap builds is a tmpfs: make it read-only so stray writes fail instead of vanishing silently
        cmd.addAll(List.of("--remount-ro", "/", "--chdir", work.toString(), "--clearenv"));
        request.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> cmd.addAll(List.of("--setenv", e.getKey(), e.getValue())));
        long cpuSeconds = Math.max(1, (request.timeout().toMillis() + 999) / 1000) + 1;
        cmd.addAll(List.of("--", prlimit.orElseThrow().toString(),
                "--as=" + request.memoryBytes(), "--cpu=" + cpuSeconds, "--nproc=" + request.maxProcesses(), "--core=0", "--"));
        cmd.addAll(request.argv());
        return cmd;
    }

    private Optional<String> missingTool() {
        if (bwrap.isEmpty()) {
            return Optional.of("cannot run commands confined: 'bwrap' was not found on PATH or in /usr/bin; " + INSTALL_HINT);
        }
        if (prlimit.isEmpty()) {
            return Optional.of("cannot limit memory and CPU: /usr/bin/prlimit was not found; install util-linux (apt-get install util-linux)");
        }
        return Optional.empty();
    }

    private static void systemMounts(List<String> cmd) {
        cmd.addAll(List.of("--ro-bind", "/usr", "/usr"));
        if (Files.isDirectory(Path.of("/etc/alternatives"))) {
            // Debian resolves awk, editor, etc. through /etc/alternatives symlinks
            cmd.addAll(List.of("--ro-bind", "/etc/alternatives", "/etc/alternatives"));
        }
        for (String link : SYSTEM_LINKS) cmd.addAll(List.of("--symlink", "usr/" + link, "/" + link));
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    }

    /** Binds need the real path: a symlinked folder would be mounted where the link points, not where it is named. */
    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private record Bind(Path path, boolean writable) {}
}
