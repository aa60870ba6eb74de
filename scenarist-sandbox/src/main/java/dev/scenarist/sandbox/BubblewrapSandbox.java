package dev.scenarist.sandbox;

import dev.scenarist.sandbox.internal.BwrapCommandLine;
import dev.scenarist.sandbox.internal.FileTally;
import dev.scenarist.sandbox.internal.Ownership;
import dev.scenarist.sandbox.internal.ProcessRunner;
import dev.scenarist.sandbox.internal.ScratchDir;
import dev.scenarist.sandbox.internal.ServerProcess;
import dev.scenarist.sandbox.internal.UidLease;
import dev.scenarist.sandbox.internal.UidPool;
import dev.scenarist.sandbox.internal.Watchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
 *
 * <p>This class supervises a run (probe, uid lease, scratch folder, watchdog, the limits a result reports, clean-up);
 * {@link BwrapCommandLine} builds the command lines.
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
     * @param root   whether this JVM runs as root, as the application found it (see {@link SandboxHost#root()}): then
     *               every run gets its own unprivileged uid
     */
    public BubblewrapSandbox(Optional<Path> bwrap, Optional<Path> prlimit, Path tmpDir, boolean root) {
        this(bwrap, prlimit, Optional.of(Path.of("/usr/bin/setpriv")).filter(Files::isExecutable),
                root ? Optional.of(UidPool.standard(tmpDir)) : Optional.empty(), tmpDir);
    }

    BubblewrapSandbox(Optional<Path> bwrap, Optional<Path> prlimit, Optional<Path> setpriv, Optional<UidPool> uidPool, Path scratchParent) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
        this.uidPool = uidPool;
        this.scratchParent = scratchParent;
    }

    /**
     * Finds {@code bwrap} on exactly the host's search path (the application passes its own view of {@code PATH}, so
     * the sandbox and the preflight that checks it agree on what is installed) and {@code prlimit} under {@code /usr}.
     */
    public static BubblewrapSandbox locate(SandboxHost host) {
        Optional<Path> bwrap = findOnPath("bwrap", host.searchPath());
        // prlimit (and setpriv) run inside the sandbox, where only /usr exists
        Optional<Path> prlimit = Optional.of(Path.of("/usr/bin/prlimit")).filter(Files::isExecutable);
        return new BubblewrapSandbox(bwrap, prlimit, host.tmpDir(), host.root());
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
        List<String> cmd = commandLines().forProbe();
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
        Confined confined = confine(work, true);
        UidLease lease = confined.lease();
        ScratchDir scratch = confined.scratch();
        try {
            List<String> cmd = commandLine(request, scratch.path(), confined.uid());
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
            cleanUp(work, scratch, confined.workOwner(), lease);
        }
    }

    /**
     * A long-lived confined process answering requests, started on the first one (see {@link SandboxedServer}):
     * {@code launch} is its command, its workspace (the spool the server may write) and its limits, its timeout the
     * limit of each request; it is recycled after {@code requestsPerProcess} answers.
     */
    @Override
    public SandboxedServer server(SandboxRequest launch, int requestsPerProcess) {
        return new SandboxedServer(this::startResident, launch, requestsPerProcess);
    }

    /**
     * Starts {@code request}'s command confined exactly as {@link #run} would — same namespaces, binds, uid, limits —
     * but returns at once with the process running and its stdin and stdout open, its CPU limit {@code cpuSeconds}
     * (a lifetime's, not one command's). As root its workspace (the spool) is not handed to its uid, only made passable:
     * the {@link SandboxedServer} lends it one job folder at a time.
     */
    Resident startResident(SandboxRequest request, long cpuSeconds) throws SandboxUnavailableException, InterruptedException {
        probe();
        Path work = checkedWorkDir(request);
        // the spool is not handed over: the server's uid may only pass through it into the one job lent to it
        Confined confined = confine(work, false);
        UidLease lease = confined.lease();
        ScratchDir scratch = confined.scratch();
        Ownership workOwner = confined.workOwner();
        boolean started = false;
        try {
            Optional<String> missing = missingTool();
            if (missing.isPresent()) throw new SandboxUnavailableException(missing.get());
            OptionalInt uid = confined.uid();
            List<String> cmd = commandLines().forRequest(request, new BwrapCommandLine.Placement(work, scratch.path(), uid), cpuSeconds);
            Watchdog watchdog = new Watchdog(List.of(work, scratch.path()), request.maxWorkspaceFiles(), request.maxWorkspaceBytes(),
                    Optional.ofNullable(lease), request.maxProcesses());
            ServerProcess process;
            try {
                process = ServerProcess.start(cmd, work, request.maxOutputBytes());
            } catch (IOException e) {
                throw new SandboxUnavailableException("cannot start bwrap: " + e.getMessage() + "; " + INSTALL_HINT, e);
            }
            started = true;
            return new Resident(process, new Resident.Placement(work, Optional.ofNullable(lease), scratch, Optional.ofNullable(workOwner)), watchdog);
        } finally {
            if (!started) {
                if (lease != null) lease.killAll();
                cleanUp(work, scratch, null, lease);
            }
        }
    }

    /** What confining one process takes on the host: a leased uid (as root), its scratch folder, the workspace's owner before. */
    private record Confined(UidLease lease, ScratchDir scratch, Ownership workOwner) {
        OptionalInt uid() {
            return lease == null ? OptionalInt.empty() : OptionalInt.of(lease.uid());
        }
    }

    /**
     * Leases a uid (as root) and makes the process's scratch folder. The workspace is handed to that uid
     * ({@code handOver}), or only made passable (711) for it — a server's spool, whose jobs are lent one at a time, so
     * it cannot list, rename or touch the jobs other requests have waiting there. What was taken before a failure is
     * given back.
     */
    private Confined confine(Path work, boolean handOver) throws SandboxUnavailableException, InterruptedException {
        UidLease lease = null;
        ScratchDir scratch = null;
        Ownership workOwner = null;
        boolean confined = false;
        try {
            if (uidPool.isPresent()) lease = uidPool.get().lease();
            scratch = ScratchDir.create(scratchParent, lease == null ? OptionalInt.empty() : OptionalInt.of(lease.uid()));
            if (lease != null) {
                workOwner = Ownership.of(work);
                if (handOver) {
                    Ownership.give(work, lease.uid(), lease.gid());
                } else {
                    Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
                }
            }
            confined = true;
            return new Confined(lease, scratch, workOwner);
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot prepare the sandbox for " + work + ": " + e.getMessage()
                    + "; check that " + scratchParent + " (java.io.tmpdir) is writable and the workspace is on a local file system", e);
        } finally {
            if (!confined) cleanUp(work, scratch, workOwner, lease);
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
                yield new SandboxResult.LimitExceeded(new LimitBreach(l.limit(), l.limitValue(), Math.max(now, l.measured())), l.stdout(), l.stderr(),
                        l.duration(), l.confined());
            }
            case SandboxResult.LimitExceeded l -> l;
            case SandboxResult.Exited e -> {
                FileTally left = watchdog.finalTally();
                if (e.exitCode() == KILLED_BY_SIGXFSZ) {
                    yield new SandboxResult.LimitExceeded(new LimitBreach(SandboxLimit.FILE_SIZE, request.maxFileBytes(), left.largestFile()),
                            e.stdout(), e.stderr(), e.duration(), e.confined());
                }
                if (e.exitCode() == KILLED_BY_SIGXCPU) {
                    long cpu = BwrapCommandLine.cpuSeconds(request);
                    yield new SandboxResult.LimitExceeded(new LimitBreach(SandboxLimit.CPU_TIME, cpu, cpu), e.stdout(), e.stderr(), e.duration(), e.confined());
                }
                yield watchdog.judge(left)
                        .<SandboxResult>map(b -> new SandboxResult.LimitExceeded(b, e.stdout(), e.stderr(), e.duration(), e.confined()))
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
        Path work = BwrapCommandLine.realPath(request.workDir());
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
        return commandLines().forRequest(request, work, scratch, uid);
    }

    /** The command lines of this sandbox; only once {@link #missingTool()} found nothing missing. */
    private BwrapCommandLine commandLines() {
        return new BwrapCommandLine(bwrap.orElseThrow(), prlimit.orElseThrow(), setpriv, uidPool.isPresent());
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
}
