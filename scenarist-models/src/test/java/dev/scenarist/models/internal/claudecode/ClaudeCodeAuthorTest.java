package dev.scenarist.models.internal.claudecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link ClaudeCodeAuthor} against {@code fake-claude.sh}, which records its call and replays stream-json. */
class ClaudeCodeAuthorTest {
    static final String KEY = "fake-key-0123456789abcdef";
    static final String SYSTEM = "You write AppWorld scenarios.\nStage: describe the scenario.";
    static final String PROMPT = "Apps: calendar, messages.\nWrite description.md.";
    static final List<String> RESOURCES = List.of("fake-claude.sh", "success.jsonl", "denial.jsonl", "error-result.jsonl",
            "error-result.exit", "auth-error.jsonl", "auth-error.exit", "overloaded.jsonl", "overloaded.exit");

    @TempDir
    Path dir;
    Path claude;
    Path workspace;
    Path record;
    Redactor redactor;

    @BeforeEach
    void setUp() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String name : RESOURCES) {
            try (InputStream in = getClass().getResourceAsStream("/claudecode/" + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, bin.resolve(name));
            }
        }
        claude = bin.resolve("fake-claude.sh");
        Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwxr-xr-x"));
        workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(workspace.resolve("scenario.py"), "class MorningCommute(Scenario):\n    pass\n");
        record = dir.resolve("record");
        redactor = new Redactor();
    }

    Map<String, String> env(String scenario) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.toString());
        env.put("ANTHROPIC_API_KEY", KEY);
        env.put("FAKE_CLAUDE_RECORD", record.toString());
        env.put("FAKE_CLAUDE_SCENARIO", scenario);
        return env;
    }

    ClaudeCodeAuthor author(String scenario, ToolPolicyResolver tools) {
        return new ClaudeCodeAuthor(ModelRef.parse("claude-code:sonnet"), claude, tools, Duration.ofSeconds(20), redactor, env(scenario));
    }

    ClaudeCodeAuthor readOnlyAuthor(String scenario) {
        return author(scenario, r -> ClaudeCodeInvocation.readOnly(workspace));
    }

    static AuthorRequest request(ModelSettings settings) {
        return new AuthorRequest("describe", SYSTEM, PROMPT, settings, 1, 42L, Map.of());
    }

    static AuthorRequest request() {
        return request(ModelSettings.DEFAULTS);
    }

    List<String> recordedArgs() throws IOException {
        int n = Integer.parseInt(Files.readString(record.resolve("argc")).strip());
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= n; i++) args.add(Files.readString(record.resolve("arg." + i)));
        return args;
    }

    String flag(List<String> args, String name) {
        int i = args.indexOf(name);
        assertThat(i).as("flag " + name + " in " + args).isGreaterThanOrEqualTo(0);
        return args.get(i + 1);
    }

    @Test
    void aReadOnlyStageRunsClaudeInPrintModeWithReadAndSearchOnlyThePromptOnStdinAndTheWorkspaceAsWorkingDirectory() throws Exception {
        readOnlyAuthor("success").reply(request());

        List<String> args = recordedArgs();
        assertThat(args).containsExactly("-p", "--output-format", "stream-json", "--verbose", "--model", "sonnet",
                "--append-system-prompt", SYSTEM + "\n\n" + ClaudeCodeCommand.answerRules(ClaudeCodeInvocation.readOnly(workspace)),
                "--permission-mode", "dontAsk",
                "--allowedTools", "Read,Grep,Glob",
                "--disallowedTools", "Edit,Write,NotebookEdit,Bash,WebFetch,WebSearch,Task");
        assertThat(flag(args, "--append-system-prompt")).startsWith(SYSTEM)
                .contains("may not edit files, run commands or use the network")
                .contains("changes you make with tools are not kept")
                .contains("<file path=\"relative/path\">");
        assertThat(Files.readString(record.resolve("stdin"))).isEqualTo(PROMPT);
        assertThat(Path.of(Files.readString(record.resolve("cwd")).strip())).isEqualTo(workspace.toRealPath());
    }

    @Test
    void theReplyIsTheResultEventsTextWithItsUsageCostModelAndLatency() throws Exception {
        ClaudeCodeAuthor author = readOnlyAuthor("success");
        AuthorReply reply = author.reply(request());

        assertThat(author.id()).isEqualTo("claude-code:sonnet");
        assertThat(reply.text()).startsWith("<file path=\"description.md\">\n# Morning commute").endsWith("</file>");
        assertThat(reply.usage()).isEqualTo(new Usage(9, 412, 24980, 2210, 0.0123));
        assertThat(reply.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(reply.latency()).isPositive();
    }

    @Test
    void anEditingStageMayEditExactlyItsFileAndNeverRunCommandsOrUseTheNetwork() throws Exception {
        ClaudeCodeAuthor author = author("success", r -> ClaudeCodeInvocation.forStage(workspace, List.of("scenario.py#events")));
        author.reply(request());

        List<String> args = recordedArgs();
        String abs = workspace.toAbsolutePath().normalize().resolve("scenario.py").toString();
        assertThat(flag(args, "--allowedTools")).isEqualTo("Read,Grep,Glob,Edit(/" + abs + ")");
        assertThat(flag(args, "--allowedTools")).startsWith("Read,Grep,Glob,Edit(//");
        assertThat(flag(args, "--disallowedTools")).isEqualTo("Bash,WebFetch,WebSearch,Task");
        assertThat(flag(args, "--permission-mode")).isEqualTo("dontAsk");
        assertThat(flag(args, "--append-system-prompt")).startsWith(SYSTEM)
                .contains("edit only: scenario.py. You may not edit other files, run commands or use the network");
    }

    @Test
    void theChildProcessGetsOnlyTheEnvironmentItWasGiven() throws Exception {
        readOnlyAuthor("success").reply(request());

        Set<String> names = Files.readAllLines(record.resolve("env")).stream()
                .filter(l -> l.contains("=")).map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toSet());
        Set<String> shellAdds = Set.of("PWD", "SHLVL", "_", "OLDPWD");
        assertThat(names).containsAll(env("success").keySet());
        assertThat(names.stream().filter(n -> !env("success").containsKey(n) && !shellAdds.contains(n)).toList()).isEmpty();
    }

    @Test
    void aStageModelOverrideIsPassedToClaudeAndAnotherProvidersModelIsRefused() throws Exception {
        ModelSettings opus = new ModelSettings(Optional.of("claude-code:opus"), OptionalDouble.of(0.2), OptionalInt.of(4000), ModelSettings.DEFAULT_TIMEOUT);
        readOnlyAuthor("success").reply(request(opus));
        assertThat(flag(recordedArgs(), "--model")).isEqualTo("opus");

        ModelSettings bare = new ModelSettings(Optional.of("claude-opus-4-1"), OptionalDouble.empty(), OptionalInt.empty(), ModelSettings.DEFAULT_TIMEOUT);
        readOnlyAuthor("success").reply(request(bare));
        assertThat(flag(recordedArgs(), "--model")).isEqualTo("claude-opus-4-1");

        ModelSettings openai = new ModelSettings(Optional.of("openai:gpt-4.1"), OptionalDouble.empty(), OptionalInt.empty(), ModelSettings.DEFAULT_TIMEOUT);
        assertThatThrownBy(() -> readOnlyAuthor("success").reply(request(openai)))
                .isInstanceOf(PermanentAuthorException.class).hasMessageContaining("openai:gpt-4.1").hasMessageContaining("claude-code:sonnet");
    }

    @Test
    void aToolDenialIsNotAFailureAndTheReplyIsTheModelsFinalMessage() throws Exception {
        ClaudeCodeAuthor author = author("denial", r -> ClaudeCodeInvocation.editing(workspace, List.of("scenario.py")));
        AuthorReply reply = author.reply(request());

        assertThat(reply.text()).startsWith("<file path=\"scenario.py\">").contains("train delayed").doesNotContain("helpers.py");
        assertThat(reply.usage()).isEqualTo(new Usage(14, 323, 24980, 2790, 0.0187));
    }

    @Test
    void anErrorResultIsTransientAndCarriesTheRedactedTailOfStderr() {
        TransientAuthorException e = catchThrowableOfType(TransientAuthorException.class,
                () -> readOnlyAuthor("error-result").reply(request()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("stage 'describe'").contains("exit 1").contains("error_during_execution")
                .contains("Tool use was aborted").contains("unexpected response from the API").contains("[redacted]")
                .doesNotContain(KEY);
    }

    @Test
    void anAuthenticationFailureIsPermanentAndNamesTheFix() {
        assertThatThrownBy(() -> readOnlyAuthor("auth-error").reply(request()))
                .isInstanceOf(PermanentAuthorException.class)
                .hasMessageContaining("Invalid API key").hasMessageContaining("claude login").hasMessageContaining("ANTHROPIC_API_KEY")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void anOverloadedApiIsTransient() {
        assertThatThrownBy(() -> readOnlyAuthor("overloaded").reply(request()))
                .isInstanceOf(TransientAuthorException.class).hasMessageContaining("overloaded").hasMessageContaining("529");
    }

    @Test
    void aCrashWithoutAResultEventIsTransientAndShowsStderr() {
        assertThatThrownBy(() -> readOnlyAuthor("crash").reply(request()))
                .isInstanceOf(TransientAuthorException.class).hasMessageContaining("exit 1")
                .hasMessageContaining("TypeError: Cannot read properties of undefined");
    }

    @Test
    void aTimeoutKillsTheWholeProcessTreeAndIsTransient() throws Exception {
        ModelSettings oneSecond = new ModelSettings(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Duration.ofSeconds(1));
        long start = System.nanoTime();
        TransientAuthorException e = catchThrowableOfType(TransientAuthorException.class,
                () -> readOnlyAuthor("timeout").reply(request(oneSecond)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("claude timed out after 1 s").contains("process tree was killed");
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        long sleepPid = Long.parseLong(Files.readString(record.resolve("sleep.pid")).strip());
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (alive(sleepPid) && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(alive(sleepPid)).as("the fake's background sleep (pid " + sleepPid + ") was killed").isFalse();
    }

    /** Alive and not a zombie waiting to be reaped. */
    static boolean alive(long pid) throws IOException {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) return false;
            String s = Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        }
        return false;
    }

    @Test
    void aMissingExecutableIsPermanentAndSaysHowToInstallOrPointToIt() {
        Path missing = dir.resolve("nowhere/claude");
        var author = new ClaudeCodeAuthor(ModelRef.parse("claude-code:sonnet"), missing, r -> ClaudeCodeInvocation.readOnly(workspace),
                Duration.ofSeconds(5), redactor, env("success"));
        assertThatThrownBy(() -> author.reply(request()))
                .isInstanceOf(PermanentAuthorException.class)
                .hasMessage("claude executable not found at " + missing + "; install Claude Code or set SCENARIST_CLAUDE");
    }

    @Test
    void anEditableFileOutsideTheWorkspaceIsAPermanentFailureNamingTheStage() {
        ClaudeCodeAuthor author = author("success", r -> ClaudeCodeInvocation.editing(workspace, List.of("../escape.py")));
        assertThatThrownBy(() -> author.reply(request()))
                .isInstanceOf(PermanentAuthorException.class).hasMessageContaining("stage 'describe'").hasMessageContaining("..");
        assertThat(record.resolve("argc")).doesNotExist();
    }

    @Test
    void aSystemPromptTooLongForOneArgumentIsSentAtTheStartOfStdin() throws Exception {
        String huge = "API reference line\n".repeat(7000);
        AuthorRequest big = new AuthorRequest("describe", huge, PROMPT, ModelSettings.DEFAULTS, 1, 1L, Map.of());
        readOnlyAuthor("success").reply(big);

        assertThat(flag(recordedArgs(), "--append-system-prompt")).startsWith("# How to answer (Scenarist)");
        assertThat(Files.readString(record.resolve("stdin"), StandardCharsets.UTF_8)).isEqualTo(huge + "\n\n" + PROMPT);
    }

    @Test
    void keyLikeValuesOfTheChildEnvironmentAreRegisteredWithTheRedactor() {
        readOnlyAuthor("success");
        assertThat(redactor.redact("key is " + KEY)).isEqualTo("key is [redacted]");
    }

    @Test
    void theChildEnvironmentKeepsOnlyWhatClaudeNeeds() {
        Map<String, String> parent = Map.of("PATH", "/usr/bin", "HOME", "/home/u", "ANTHROPIC_API_KEY", "k",
                "OPENAI_API_KEY", "other", "AWS_SECRET_ACCESS_KEY", "s", "DATABASE_URL", "postgres://x");
        assertThat(ClaudeCodeAuthor.childEnvironment(parent))
                .containsOnlyKeys("PATH", "HOME", "ANTHROPIC_API_KEY");
    }

    @Test
    void theExecutableIsFoundThroughScenaristClaudeOrThePath() {
        assertThat(ClaudeCodeAuthor.findExecutable(Map.of("SCENARIST_CLAUDE", "/opt/claude/bin/claude", "PATH", "/usr/bin")))
                .contains(Path.of("/opt/claude/bin/claude"));
        Path bin = claude.getParent();
        try {
            Files.copy(claude, bin.resolve("claude"));
            Files.setPosixFilePermissions(bin.resolve("claude"), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        assertThat(ClaudeCodeAuthor.findExecutable(Map.of("PATH", dir.resolve("empty") + ":" + bin))).contains(bin.resolve("claude"));
        assertThat(ClaudeCodeAuthor.findExecutable(Map.of("PATH", dir.resolve("empty").toString()))).isEmpty();
    }

    @Test
    void onlyClaudeCodeModelsAreAccepted() {
        assertThatThrownBy(() -> new ClaudeCodeAuthor(ModelRef.parse("anthropic:claude-sonnet-4-5"), claude,
                r -> ClaudeCodeInvocation.readOnly(workspace), Duration.ofSeconds(5), redactor, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claude-code:<model>");
    }
}
