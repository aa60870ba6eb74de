package dev.scenarist.sandbox;

import dev.scenarist.sandbox.internal.FileTally;
import dev.scenarist.sandbox.internal.Ownership;
import dev.scenarist.sandbox.internal.ProcStatus;
import dev.scenarist.sandbox.internal.ProcessRunner;
import dev.scenarist.sandbox.internal.ScratchDir;
import dev.scenarist.sandbox.internal.UidLease;
import dev.scenarist.sandbox.internal.UidPool;
import dev.scenarist.sandbox.internal.Watchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Confines commands with bubblewrap and limits them with prlimit and a {@link Watchdog}:
 *
 * <pre>
 * bwrap NAMESPACES --die-with-parent --new-session
 *       --ro-bind /usr /usr  [--ro-bind /etc/alternatives …]  --symlink usr/bin /bin  (lib, lib64, sbin likewise)
 *       --proc /proc --dev /dev --bind SCRATCH /tmp
 *       --ro-bind P P (each read-only path)   --bind W W (the workspace)   --remount-ro /   --chdir W
 *       --clearenv --setenv K V …   CAPABILITIES
 *       -- [setpriv …] /usr/bin/prlimit --as=BYTES --cpu=SECONDS --nproc=N --fsize=BYTES --core=0 -- argv…
 * </pre>
 *
 * Everything outside {@code /usr}, the workspace and the listed read-only paths is absent; the network namespace
 * has only a loopback device that is down; the root is read-only. {@code /tmp} is a fresh host folder per run
 * (SCRATCH, deleted afterwards): disk rather than RAM, so the watchdog counts it with the workspace.
 *
 * <p><b>Who the command runs as.</b> Started by an ordinary user, bwrap makes a user namespace (NAMESPACES =
 * {@code --unshare-all}) and the command runs as that user with every capability dropped ({@code --cap-drop ALL}).
 * Started by root, that would not be enough: root keeps its capabilities inside and the kernel does not enforce
 * {@code RLIMIT_NPROC} for uid 0. So, as root, the command runs as an unprivileged uid leased from a {@link UidPool}
 * (one per concurrent run): bwrap sets up the namespaces as root — without a user namespace, so it can bind
 * workspaces below folders only root may enter, such as {@code /root} — keeps for its child only the capabilities
 * needed to change uid, and {@code setpriv} then drops to the leased uid and gid with no groups, an empty capability
 * bounding set and {@code no_new_privs} before anything of the command runs. The workspace is handed to that uid for
 * the run and given back afterwards; any process left running as that uid is killed.
 *
 * <p>When bwrap is missing or cannot create namespaces (e.g. in a container without user namespaces) every
 * {@link #run} throws {@link SandboxUnavailableException}: it never falls back to running unconfined.
 */
public final class BubblewrapSandbox implements Sandbox {
    static final String INSTALL_HINT = "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap)";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> SYSTEM_LINKS = List.of("bin", "lib", "lib64", "sbin");
    /** Exit codes of a process killed by SIGXFSZ (25) and SIGXCPU (24), as bwrap passes them on. */
    private static final int KILLED_BY_SIGXFSZ = 128 + 25;
    private static final int KILLED_BY_SIGXCPU = 128 + 24;

    private final Optional<Path> bwrap;
    private final Optional<Path> prlimit;
    private final Optional<Path> setpriv;
    /** Present exactly when this JVM runs as root: then every run gets its own unprivileged uid. */
    private final Optional<UidPool> uidPool;
    private final Path scratchParent;
    private final Object probeLock = new Object();
    /** null until probed; then empty (works) or the reason it does not. */
    private Optional<String> probeFailure;

    /**
     * @param tmpDir the host's temporary folder (the application's {@code java.io.tmpdir}): each run's scratch
     *               {@code /tmp} is made in it and, as root, the uid locks live in it — so every Scenarist process on
     *               the machine must pass the same one for their runs to get distinct uids
     */
    public BubblewrapSandbox(Optional<Path> bwrap, Optional<Path> prlimit, Path tmpDir) {
        this(bwrap, prlimit, Optional.of(Path.of("/usr/bin/setpriv")).filter(Files::isExecutable),
                ProcStatus.effectiveUidOfThisProcess().orElse(-1) == 0 ? Optional.of(UidPool.standard(tmpDir)) : Optional.empty(),
                tmpDir);
    }

    BubblewrapSandbox(Optional<Path> bwrap, Optional<Path> prlimit, Optional<Path> setpriv, Optional<UidPool> uidPool, Path scratchParent) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
        this.uidPool = uidPool;
        this.scratchParent = scratchParent;
    }

    /**
     * Finds {@code bwrap} on exactly the given search path (the application passes its own view of {@code PATH}, so
     * the sandbox and the preflight that checks it agree on what is installed) and {@code prlimit} under {@code /usr}.
     *
     * @param tmpDir the host's temporary folder, see {@link #BubblewrapSandbox(Optional, Optional, Path)}
     */
    public static BubblewrapSandbox locate(String searchPath, Path tmpDir) {
        Optional<Path> bwrap = findOnPath("bwrap", searchPath);
        // prlimit (and setpriv) run inside the sandbox, where only /usr exists
        Optional<Path> prlimit = Optional.of(Path.of("/usr/bin/prlimit")).filter(Files::isExecutable);
        return new BubblewrapSandbox(bwrap, prlimit, tmpDir);
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

    /** Whether commands run as a leased unprivileged uid (this JVM runs as root) rather than as this JVM's user. */
    public boolean leasesUids() {
        return uidPool.isPresent();
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
        List<String> cmd = new ArrayList<>(List.of(bwrap.get().toString()));
        cmd.addAll(namespaces());
        systemMounts(cmd);
        cmd.addAll(List.of("--tmpfs", "/tmp", "--clearenv", "--cap-drop", "ALL", "--", prlimit.get().toString(), "--as=" + (256L << 20), "--", "/usr/bin/true"));
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
        Path work = checkedWorkDir(request);
        UidLease lease = null;
        ScratchDir scratch = null;
        Ownership workOwner = null;
        try {
            try {
                if (uidPool.isPresent()) lease = uidPool.get().lease();
                OptionalInt uid = lease == null ? OptionalInt.empty() : OptionalInt.of(lease.uid());
                scratch = ScratchDir.create(scratchParent, uid);
                if (lease != null) {
                    workOwner = Ownership.of(work);
                    Ownership.give(work, lease.uid(), lease.gid());
                }
            } catch (IOException e) {
                throw new SandboxUnavailableException("cannot prepare the sandbox for " + work + ": " + e.getMessage()
                        + "; check that " + scratchParent + " (java.io.tmpdir) is writable and the workspace is on a local file system", e);
            }
            List<String> cmd = commandLine(request, scratch.path(), lease == null ? OptionalInt.empty() : OptionalInt.of(lease.uid()));
            Watchdog watchdog = new Watchdog(List.of(work, scratch.path()), request.maxWorkspaceFiles(), request.maxWorkspaceBytes(),
                    Optional.ofNullable(lease), request.maxProcesses());
            SandboxResult result;
            try {
                result = ProcessRunner.run(new ProcessRunner.Launch(cmd, Map.of(), work, request.timeout(), request.maxOutputBytes(), true), watchdog);
            } catch (IOException e) {
                throw new SandboxUnavailableException("cannot start bwrap: " + e.getMessage() + "; " + INSTALL_HINT, e);
            } finally {
                // the process tree is gone, but a double-forked daemon may not be: nothing of the run may outlive it
                if (lease != null) lease.killAll();
            }
            // bwrap (or setpriv) reports its own setup failures as "bwrap: …" with exit 1; that is the sandbox failing,
            // not the command, and must not be reported as the command's result
            if (result instanceof SandboxResult.Exited e && e.exitCode() != 0 && e.stdout().totalBytes() == 0
                    && (e.stderr().text().startsWith("bwrap: ") || e.stderr().text().startsWith("setpriv: "))) {
                throw new SandboxUnavailableException("bubblewrap could not set up the sandbox: " + e.stderr().tail(500));
            }
            return limitsOf(result, request, watchdog);
        } finally {
            cleanUp(work, scratch, workOwner, lease);
        }
    }

    /**
     * Turns what the kernel signalled (SIGXFSZ, SIGXCPU) and what is left in the workspace into the limit that was
     * passed; a limit the watchdog caught while running gets its exact measurement now that nothing changes.
     */
    private static SandboxResult limitsOf(SandboxResult result, SandboxRequest request, Watchdog watchdog) {
        return switch (result) {
            case SandboxResult.TimedOut t -> t;
            case SandboxResult.LimitExceeded l when l.limit() == SandboxLimit.WORKSPACE_FILES || l.limit() == SandboxLimit.WORKSPACE_BYTES -> {
                FileTally exact = watchdog.finalTally();
                long now = l.limit() == SandboxLimit.WORKSPACE_FILES ? exact.files() : exact.bytes();
                yield new SandboxResult.LimitExceeded(l.limit(), l.limitValue(), Math.max(now, l.measured()), l.stdout(), l.stderr(),
                        l.duration(), l.confined());
            }
            case SandboxResult.LimitExceeded l -> l;
            case SandboxResult.Exited e -> {
                FileTally left = watchdog.finalTally();
                if (e.exitCode() == KILLED_BY_SIGXFSZ) {
                    yield new SandboxResult.LimitExceeded(SandboxLimit.FILE_SIZE, request.maxFileBytes(), left.largestFile(),
                            e.stdout(), e.stderr(), e.duration(), e.confined());
                }
                if (e.exitCode() == KILLED_BY_SIGXCPU) {
                    long cpu = cpuSeconds(request);
                    yield new SandboxResult.LimitExceeded(SandboxLimit.CPU_TIME, cpu, cpu, e.stdout(), e.stderr(), e.duration(), e.confined());
                }
                yield watchdog.judge(left)
                        .<SandboxResult>map(b -> new SandboxResult.LimitExceeded(b.limit(), b.limitValue(), b.measured(),
                                e.stdout(), e.stderr(), e.duration(), e.confined()))
                        .orElse(e);
            }
        };
    }

    private static void cleanUp(Path work, ScratchDir scratch, Ownership workOwner, UidLease lease) throws SandboxUnavailableException {
        List<String> problems = new ArrayList<>();
        try {
            if (scratch != null) scratch.close();
        } catch (IOException e) {
            problems.add("cannot delete the sandbox's /tmp " + scratch.path() + ": " + e);
        }
        try {
            if (workOwner != null) workOwner.restore(work);
        } catch (IOException e) {
            problems.add("cannot give " + work + " back to its owner: " + e);
        }
        try {
            if (lease != null) lease.close();
        } catch (IOException e) {
            problems.add("cannot release " + lease + ": " + e);
        }
        if (!problems.isEmpty()) throw new SandboxUnavailableException(String.join("; ", problems));
    }

    private Path checkedWorkDir(SandboxRequest request) throws SandboxUnavailableException {
        Path work = realPath(request.workDir());
        if (!Files.isDirectory(work)) {
            throw new SandboxUnavailableException("working directory " + request.workDir() + " does not exist or is not a folder");
        }
        return work;
    }

    /**
     * The full bwrap command line for a request, with {@code scratch} as its {@code /tmp} and, when Scenarist runs as
     * root, {@code uid} as the uid (and gid) the command runs as.
     */
    List<String> commandLine(SandboxRequest request, Path scratch, OptionalInt uid) throws SandboxUnavailableException {
        Optional<String> missing = missingTool();
        if (missing.isPresent()) throw new SandboxUnavailableException(missing.get());
        Path work = checkedWorkDir(request);
        List<Bind> binds = new ArrayList<>();
        for (Path p : request.readOnlyPaths()) {
            Path real = realPath(p);
            if (!Files.exists(real)) {
                throw new SandboxUnavailableException("read-only path " + p + " does not exist; create it or leave it out of the request");
            }
            if (uid.isPresent()) requireReadableByOthers(p, real);
            binds.add(new Bind(real, false));
        }
        binds.add(new Bind(work, true));
        // parents before children, so a read-only folder inside the workspace (or the reverse) stays as asked
        binds.sort(Comparator.comparingInt(b -> b.path().getNameCount()));

        List<String> cmd = new ArrayList<>(List.of(bwrap.orElseThrow().toString()));
        cmd.addAll(namespaces());
        systemMounts(cmd);
        cmd.addAll(List.of("--bind", scratch.toString(), "/tmp"));
        mountPointParents(cmd, binds);
        for (Bind b : binds) cmd.addAll(List.of(b.writable() ? "--bind" : "--ro-bind", b.path().toString(), b.path().toString()));
        // the root bwrap builds is a tmpfs: make it read-only so stray writes fail instead of vanishing silently
        cmd.addAll(List.of("--remount-ro", "/", "--chdir", work.toString(), "--clearenv"));
        request.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> cmd.addAll(List.of("--setenv", e.getKey(), e.getValue())));
        cmd.addAll(List.of("--cap-drop", "ALL"));
        if (uid.isPresent()) {
            // bwrap's last step (chdir into the workspace, owned by the uid with mode 700) needs DAC_READ_SEARCH, setpriv
            // needs the other three to drop to the uid; setpriv clears them all (and the bounding set) before the exec
            cmd.addAll(List.of("--cap-add", "CAP_DAC_READ_SEARCH", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
                    "--cap-add", "CAP_SETPCAP", "--",
                    setpriv.orElseThrow().toString(), "--reuid=" + uid.getAsInt(), "--regid=" + uid.getAsInt(), "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        }
        cmd.addAll(List.of("--", prlimit.orElseThrow().toString(),
                "--as=" + request.memoryBytes(), "--cpu=" + cpuSeconds(request), "--nproc=" + request.maxProcesses(),
                "--fsize=" + request.maxFileBytes(), "--core=0", "--"));
        cmd.addAll(request.argv());
        return cmd;
    }

    /**
     * As root without a user namespace: a user namespace would map the command to host uid 0 (keeping root's
     * exemption from RLIMIT_NPROC), and bwrap running as root can bind any path. setpriv does the dropping.
     */
    private List<String> namespaces() {
        return uidPool.isPresent()
                ? List.of("--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
                        "--die-with-parent", "--new-session")
                : List.of("--unshare-all", "--die-with-parent", "--new-session");
    }

    /**
     * bwrap makes the folders leading to a bind (e.g. {@code /work} for {@code /work/packs/x}) with mode 700 owned by
     * root, which the leased uid could not pass through; make them 755 first. Folders inside another bind exist
     * there already and are left alone.
     */
    private static void mountPointParents(List<String> cmd, List<Bind> binds) {
        Set<Path> made = new java.util.LinkedHashSet<>();
        for (Bind b : binds) {
            for (Path p = b.path().getParent(); p != null && p.getParent() != null; p = p.getParent()) {
                Path dir = p;
                boolean bound = dir.startsWith("/usr") || dir.startsWith("/proc") || dir.startsWith("/dev")
                        || binds.stream().anyMatch(o -> dir.startsWith(o.path()));
                if (!bound) made.add(dir);
            }
        }
        made.stream().sorted(Comparator.comparingInt(Path::getNameCount))
                .forEach(d -> cmd.addAll(List.of("--perms", "0755", "--dir", d.toString())));
    }

    /** The leased uid is nobody: it reads a bound path only through its "other" permission bits. */
    private static void requireReadableByOthers(Path asked, Path real) throws SandboxUnavailableException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(real);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        boolean dir = Files.isDirectory(real);
        if (!perms.contains(PosixFilePermission.OTHERS_READ) || (dir && !perms.contains(PosixFilePermission.OTHERS_EXECUTE))) {
            throw new SandboxUnavailableException("read-only path " + asked + " is not readable by other users (mode "
                    + PosixFilePermissions.toString(perms) + "), and as root Scenarist runs sandboxed "
                    + "commands as an unprivileged uid; make it readable: chmod o+rX " + real);
        }
    }

    private static long cpuSeconds(SandboxRequest request) {
        return Math.max(1, (request.timeout().toMillis() + 999) / 1000) + 1;
    }

    private Optional<String> missingTool() {
        if (bwrap.isEmpty()) {
            return Optional.of("cannot run commands confined: 'bwrap' was not found on PATH or in /usr/bin; " + INSTALL_HINT);
        }
        if (prlimit.isEmpty()) {
            return Optional.of("cannot limit memory and CPU: /usr/bin/prlimit was not found; install util-linux (apt-get install util-linux)");
        }
        if (uidPool.isPresent() && setpriv.isEmpty()) {
            return Optional.of("Scenarist runs as root, and confining a command started by root needs /usr/bin/setpriv to drop it to an "
                    + "unprivileged uid; install util-linux (apt-get install util-linux) or run Scenarist as an ordinary user");
        }
        return Optional.empty();
    }

    private static void systemMounts(List<String> cmd) {
        cmd.addAll(List.of("--ro-bind", "/usr", "/usr"));
        if (Files.isDirectory(Path.of("/etc/alternatives"))) {
            // Debian resolves awk, editor, etc. through /etc/alternatives symlinks
            // (/etc made 755 first: bwrap would make it 700, closed to a leased uid)
            cmd.addAll(List.of("--perms", "0755", "--dir", "/etc", "--ro-bind", "/etc/alternatives", "/etc/alternatives"));
        }
        for (String link : SYSTEM_LINKS) cmd.addAll(List.of("--symlink", "usr/" + link, "/" + link));
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
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
