package dev.scenarist.app.preflight;

import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.sandbox.BubblewrapSandbox;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks, before anything is stored, that this machine has every component a pack needs (its
 * {@link dev.scenarist.core.pack.MachineNeeds}), and tells what is missing with the exact fix. A missing component is permanent: a
 * campaign started anyway would only fail every run. The same inspection feeds {@code scenarist doctor}.
 *
 * <p>The sandbox requirement expands into what it is made of: {@code bwrap} on the PATH, {@code /usr/bin/prlimit}
 * (it runs inside the sandbox, where only {@code /usr} exists), {@code /usr/bin/setpriv} when running as root (to
 * drop to an unprivileged user), and a probe sandbox that actually starts — bwrap installed but refused user
 * namespaces (a container, a hardened kernel) is as missing as no bwrap at all.
 */
public final class Preflight {
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    /** What programs without a --version print instead of one. */
    private static final Pattern NO_VERSION = Pattern.compile("(?i)(illegal|unknown|invalid|unrecognized) option");

    private static final Pattern HEX_HASH = Pattern.compile("\\s*\\b[0-9a-f]{20,}\\w*");

    private final Machine machine;

    public Preflight(Machine machine) {
        this.machine = machine;
    }

    public Machine machine() {
        return machine;
    }

    /**
     * @throws MissingComponentsException listing every component the pack needs that is missing or unusable
     */
    public void require(Pack pack) throws InterruptedException {
        require(pack.name(), dev.scenarist.core.pack.Capabilities.requirements(pack));
    }

    /**
     * @throws MissingComponentsException listing every component of {@code requirements} (pack {@code packName}'s)
     *                                    that is missing or unusable
     */
    public void require(String packName, List<Requirement> requirements) throws InterruptedException {
        // versions are for doctor's table; asking each program for one would cost a process start apiece
        List<Component.Missing> missing = inspect(requirements, false).stream()
                .filter(c -> c instanceof Component.Missing).map(c -> (Component.Missing) c).toList();
        if (!missing.isEmpty()) throw new MissingComponentsException(packName, missing, machine);
    }

    /** The JDK running Scenarist (always present: it is running), for doctor's list. */
    public Component java() {
        return new Component.Found("java", "runs Scenarist (JDK 21 or newer)", Runtime.version().toString(),
                machine.javaHome().toString());
    }

    /** Each requirement as found here, in order; one entry per component even when several packs need it. */
    public List<Component> inspect(List<Requirement> requirements) throws InterruptedException {
        return inspect(requirements, true);
    }

    private List<Component> inspect(List<Requirement> requirements, boolean versions) throws InterruptedException {
        Map<String, Component> out = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            switch (r) {
                case Requirement.Sandbox s -> {
                    if (!out.containsKey("sandbox")) sandbox(s.why(), versions).forEach(c -> out.putIfAbsent(c.name(), c));
                }
                case Requirement.Command c -> out.putIfAbsent(c.component(), command(c, versions));
                case Requirement.Probed p -> out.putIfAbsent(p.component(), probed(p));
            }
        }
        return List.copyOf(out.values());
    }

    private List<Component> sandbox(String why, boolean versions) throws InterruptedException {
        List<Component> parts = new ArrayList<>();
        Optional<Path> bwrap = BubblewrapSandbox.findOnPath("bwrap", machine.path());
        parts.add(bwrap.<Component>map(p -> new Component.Found("bwrap", "confines generated code", versions ? version(p) : "", p.toString()))
                .orElseGet(() -> new Component.Missing("bwrap", "confines generated code",
                        "bubblewrap ('bwrap') is not on the PATH (" + shownPath() + ")", machine.aptInstall("bubblewrap"), "bubblewrap")));
        parts.add(file(PRLIMIT, "prlimit", "limits memory and CPU inside the sandbox", "util-linux", versions));
        if (machine.root()) parts.add(file(SETPRIV, "setpriv", "drops root to an unprivileged user in the sandbox", "util-linux", versions));
        if (parts.stream().allMatch(c -> c instanceof Component.Found)) {
            try {
                machine.sandbox().probe();
                parts.add(new Component.Found("sandbox", why, "starts", "bwrap --unshare-all (no network, read-only system)"));
            } catch (SandboxUnavailableException e) {
                parts.add(new Component.Missing("sandbox", why, e.getMessage(),
                        "allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1), or in Docker run with "
                                + "--security-opt seccomp=unconfined (or --privileged)", ""));
            }
        } else {
            parts.add(new Component.Missing("sandbox", why, "cannot start: "
                    + String.join(", ", parts.stream().filter(c -> c instanceof Component.Missing).map(Component::name).toList()) + " missing",
                    "install the missing parts above", ""));
        }
        return parts;
    }

    private Component command(Requirement.Command c, boolean versions) {
        return BubblewrapSandbox.findOnPath(c.command(), machine.path())
                .<Component>map(p -> new Component.Found(c.command(), c.why(), versions ? version(p) : "", p.toString()))
                .orElseGet(() -> new Component.Missing(c.command(), c.why(), "'" + c.command() + "' is not on the PATH (" + shownPath() + ")",
                        machine.aptInstall(c.debianPackage()), c.debianPackage()));
    }

    private Component file(Path exe, String name, String purpose, String debianPackage, boolean versions) {
        return Files.isExecutable(exe)
                ? new Component.Found(name, purpose, versions ? version(exe) : "", exe.toString())
                : new Component.Missing(name, purpose, exe + " does not exist", machine.aptInstall(debianPackage), debianPackage);
    }

    private static Component probed(Requirement.Probed p) {
        Requirement.Presence presence;
        try {
            presence = p.probe().get();
        } catch (RuntimeException e) {
            presence = new Requirement.Presence.Missing("checking it failed: " + e, "report this as a bug");
        }
        return switch (presence) {
            case Requirement.Presence.Found f -> new Component.Found(p.component(), p.why(), f.version(), f.where());
            case Requirement.Presence.Missing m -> new Component.Missing(p.component(), p.why(), m.reason(), m.fix(), "");
        };
    }

    private static String version(Path exe) {
        String v = Versions.of(exe);
        // sqlite3 appends its source hash: noise in a version column
        return NO_VERSION.matcher(v).find() ? "" : HEX_HASH.matcher(v).replaceAll("").strip();
    }

    private String shownPath() {
        return machine.path().isEmpty() ? "PATH is empty" : "PATH=" + machine.path();
    }
}
