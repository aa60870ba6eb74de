package dev.scenarist.core.pack;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Something a pack needs on this machine before any of its runs can succeed — a sandbox, a command its checks run, an
 * engine it simulates with. The application checks every requirement before a campaign or validation stores anything
 * (a missing one is a configuration error, exit 2, never a transient failure to retry) and lists them in
 * {@code scenarist doctor}.
 *
 * <p>Core only describes requirements: probing the sandbox or the PATH belongs to the application, which knows the
 * machine. {@link Probed} is for what only the pack can check (an npm package in its own folder).
 */
public sealed interface Requirement {
    /** A short, stable name shown to the user ("sandbox", "sqlite3", "MuJoCo"). */
    String component();

    /** Why the pack needs it, in a few words ("the checks load the item's database"). */
    String why();

    /** Generated code runs confined (bubblewrap + prlimit), and a sandbox actually starts on this machine. */
    record Sandbox(String why) implements Requirement {
        public Sandbox {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String component() {
            return "sandbox";
        }
    }

    /**
     * An executable on the PATH. Commands run inside the sandbox see only {@code /usr}, so they must be installed
     * from the system's packages; {@code debianPackage} is the Debian/Ubuntu package that provides it (the fix is
     * {@code apt-get install <package>}).
     */
    record Command(String command, String why, String debianPackage) implements Requirement {
        public Command {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(debianPackage, "debianPackage");
            if (command.isBlank() || command.contains("/")) {
                throw new IllegalArgumentException("a command requirement names a command on the PATH, got '" + command + "'");
            }
        }

        @Override
        public String component() {
            return command;
        }
    }

    /** Something the pack checks itself; the probe must be quick (no network) and must not throw. */
    record Probed(String component, String why, Supplier<Presence> probe) implements Requirement {
        public Probed {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(probe, "probe");
        }
    }

    /** What a {@link Probed} requirement found. */
    sealed interface Presence {
        /** Present; {@code version} as the component reports it (may be empty when it has none). */
        record Found(String version, String where) implements Presence {}

        /** Absent or unusable: {@code reason} says what is wrong, {@code fix} the exact command or step that repairs it. */
        record Missing(String reason, String fix) implements Presence {}
    }
}
