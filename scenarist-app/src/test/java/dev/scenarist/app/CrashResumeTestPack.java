package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example pack made slow enough for a test to kill a process in the middle of a campaign. */
final class CrashResumeTestPack {
    private CrashResumeTestPack() {}

    /**
     * A user copy of the example pack (it overrides the bundled one) whose author stages each run one more
     * check that takes half a second, so a campaign lasts long enough for kills to land in the middle of it.
     * Checks are not part of the prompts, so the bundled cassette still replays.
     */
    static void slowDown(Path dir) throws java.io.IOException {
        Path bundled = Path.of(System.getProperty("user.dir")).resolve("../packs/examples/sql-quiz").normalize();
        Path copy = dir.resolve("packs/sql-quiz");
        dev.scenarist.core.workspace.Workspace.copyTree(bundled, copy);
        String yaml = Files.readString(copy.resolve("pack.yaml"));
        String slowed = yaml.replace("    checks:\n", "    checks:\n      - {type: command, name: slow, argv: [sleep, \"0.5\"], timeout: 10s}\n");
        assertThat(slowed).isNotEqualTo(yaml);
        Files.writeString(copy.resolve("pack.yaml"), slowed);
    }

}
