package dev.scenarist.sandbox.internal;

import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The bwrap command lines of {@link dev.scenarist.sandbox.BubblewrapSandbox} (its javadoc shows their shape): the
 * namespaces, the system mounts, the binds of a request's workspace and read-only paths, the environment, the
 * capabilities and, when Scenarist runs as root, the drop to a leased uid, then prlimit's limits and the argv.
 */
public final class BwrapCommandLine {
    private static final List<String> SYSTEM_LINKS = List.of("bin", "lib", "lib64", "sbin");

    private final Path bwrap;
    private final Path prlimit;
    private final Optional<Path> setpriv;
    private final boolean leasesUids;

    /**
     * @param setpriv    needed when {@code leasesUids}
     * @param leasesUids whether commands run as a leased uid (Scenarist runs as root)
     */
    public BwrapCommandLine(Path bwrap, Path prlimit, Optional<Path> setpriv, boolean leasesUids) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
        this.leasesUids = leasesUids;
    }

    /** A sandbox running only {@code /usr/bin/true} under a memory limit: whether bwrap can create its namespaces here. */
    public List<String> forProbe() {
        List<String> cmd = new ArrayList<>(List.of(bwrap.toString()));
        cmd.addAll(namespaces());
        systemMounts(cmd);
        cmd.addAll(List.of("--tmpfs", "/tmp", "--clearenv", "--cap-drop", "ALL", "--", prlimit.toString(), "--as=" + (256L << 20), "--", "/usr/bin/true"));
        return cmd;
    }

    /**
     * The full bwrap command line for a request, with {@code work} (its working directory, a real path) as the
     * writable workspace, {@code scratch} as its {@code /tmp} and, when Scenarist runs as root, {@code uid} as the uid
     * (and gid) the command runs as.
     *
     * @throws SandboxUnavailableException when a read-only path does not exist, or as root is not readable by others
     */
    public List<String> forRequest(SandboxRequest request, Path work, Path scratch, OptionalInt uid) throws SandboxUnavailableException {
        return forRequest(request, new Placement(work, scratch, uid), cpuSeconds(request));
    }

    /** Where a confined process lives on the host: its workspace (a real path), its {@code /tmp}, and its uid as root. */
    public record Placement(Path work, Path scratch, OptionalInt uid) {}

    /**
     * {@link #forRequest(SandboxRequest, Path, Path, OptionalInt)} with a CPU budget of its own: a long-lived server's
     * lifetime budget rather than one command's timeout.
     */
    public List<String> forRequest(SandboxRequest request, Placement placement, long cpuSeconds) throws SandboxUnavailableException {
        Path work = placement.work();
        Path scratch = placement.scratch();
        OptionalInt uid = placement.uid();
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

        List<String> cmd = new ArrayList<>(List.of(bwrap.toString()));
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
        cmd.addAll(List.of("--", prlimit.toString(),
                "--as=" + request.memoryBytes(), "--cpu=" + cpuSeconds, "--nproc=" + request.maxProcesses(),
                "--fsize=" + request.maxFileBytes(), "--core=0", "--"));
        cmd.addAll(request.argv());
        return cmd;
    }

    /**
     * As root without a user namespace: a user namespace would map the command to host uid 0 (keeping root's
     * exemption from RLIMIT_NPROC), and bwrap running as root can bind any path. setpriv does the dropping.
     */
    private List<String> namespaces() {
        return leasesUids
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
        Set<Path> made = new LinkedHashSet<>();
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

    /** The CPU seconds prlimit allows: the timeout, rounded up, and one more. */
    public static long cpuSeconds(SandboxRequest request) {
        return Math.max(1, (request.timeout().toMillis() + 999) / 1000) + 1;
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
    public static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private record Bind(Path path, boolean writable) {}
}
