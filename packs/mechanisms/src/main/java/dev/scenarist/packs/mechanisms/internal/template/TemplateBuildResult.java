package dev.scenarist.packs.mechanisms.internal.template;

import dev.scenarist.core.model.Finding;
import java.time.Duration;
import java.util.List;

/** What came of compiling and running a template in the sandbox. */
public sealed interface TemplateBuildResult {
    /** The template ran; {@code files} are the paths it wrote, relative to the workspace. */
    record Built(List<String> files, Duration duration) implements TemplateBuildResult {
        public Built {
            files = List.copyOf(files);
        }
    }

    /** The template is wrong: it does not compile, throws, writes nothing, or runs past its limits. */
    record Rejected(List<Finding> findings) implements TemplateBuildResult {
        public Rejected {
            findings = List.copyOf(findings);
        }
    }

    /**
     * The sandbox or the JDK could not be used: an infrastructure problem, not a bad template. {@code permanent}
     * when a retry cannot help (no sandbox on this machine); otherwise it may pass next time (javac killed from outside).
     */
    record Unavailable(String reason, boolean permanent) implements TemplateBuildResult {}
}
