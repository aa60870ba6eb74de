package dev.scenarist.models.internal.claudecode;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Author} that runs the Claude Code CLI ({@code claude-code:<model>}), as the PARE generator drives
 * Claude per stage: read-only runtimes for description and review work, read/write runtimes constrained to the
 * stage's editable file for code-producing work.
 *
 * <h2>The command</h2>
 * Each request runs, in the run's workspace (from the {@link ToolPolicyResolver}):
 * <pre>
 * claude -p --output-format stream-json --verbose --model &lt;model&gt;
 *        --append-system-prompt &lt;request.system + Scenarist's answer rules&gt;
 *        --permission-mode dontAsk
 *        --allowedTools &lt;rules&gt; --disallowedTools &lt;rules&gt;
 * </pre>
 * with the request's prompt on stdin. Flags as documented in the CLI reference
 * (<a href="https://docs.anthropic.com/en/docs/claude-code/cli-reference">docs.anthropic.com/en/docs/claude-code/cli-reference</a>)
 * and headless mode (<a href="https://docs.anthropic.com/en/docs/claude-code/sdk/sdk-headless">…/sdk/sdk-headless</a>:
 * {@code stream-json} needs {@code --verbose}; tool lists may be one comma-separated string). {@code dontAsk}
 * refuses every tool call no allow rule pre-approves instead of prompting, which is the documented way to lock
 * an unattended agent to its {@code allowedTools}
 * (<a href="https://code.claude.com/docs/en/agent-sdk/permissions">code.claude.com/docs/en/agent-sdk/permissions</a>).
 * The tool rules come from {@link ClaudeCodeInvocation}: read-only stages get {@code Read,Grep,Glob} and deny
 * {@code Edit,Write,NotebookEdit,Bash,WebFetch,WebSearch,Task}; editing stages get {@code Read,Grep,Glob} plus
 * one {@code Edit(//abs/path)} rule per editable file and deny {@code Bash,WebFetch,WebSearch,Task}.
 * A system prompt too long for one command-line argument (over {@value ClaudeCodeCommand#MAX_ARGUMENT_BYTES} bytes) is sent at the
 * start of stdin instead, and only the answer rules go on the command line.
 *
 * <h2>The engine owns the files</h2>
 * Claude Code may edit its editable files in the workspace while it works, but <b>those edits are not
 * trusted</b>: the appended system prompt tells it that its final message must contain every file it produces,
 * complete, in {@code <file path="...">} blocks, and the reply text is exactly that final message (the
 * {@code result} of the stream's {@code result} event). The engine then parses the reply, applies its edit policy
 * and writes the files itself, overwriting whatever Claude Code left there, so checks, snapshots and the
 * trajectory see only what went through the guardrail.
 *
 * <h2>Results and failures</h2>
 * Usage and cost come from the {@code result} event ({@code usage.input_tokens}, {@code output_tokens},
 * {@code cache_read_input_tokens}, {@code cache_creation_input_tokens}, {@code total_cost_usd}); the model from the
 * assistant messages, else the {@code system}/{@code init} event, else the configured one; latency is measured.
 * Tool denials ({@code permission_denials}) are not failures: the reply is returned unchanged and the denials are
 * logged at debug level. A timeout kills the whole process tree and is transient. A missing executable, a login
 * or key problem, an unavailable model or an unpaid account is permanent; rate limits, overload, other error
 * results and crashes are transient (see {@link FailureClassifier}). Every message passes the {@link Redactor}.
 *
 * <h2>Settings</h2>
 * The model is the {@link ModelRef}'s unless the request's settings name another ({@code opus} or
 * {@code claude-code:opus}). Temperature and max tokens are ignored: the CLI has no flags for them. The timeout is
 * the request's, except that the engine's untouched default ({@link ModelSettings#DEFAULT_TIMEOUT}) is replaced by
 * this author's default, since agentic runs take longer than one chat call. The child process gets exactly the
 * environment given to the constructor (see {@link #childEnvironment(Map)}), never the JVM's whole environment;
 * values of variables that look like keys or tokens are registered with the redactor. Cost estimates before the
 * call are not offered ({@link #estimate} stays empty): an agentic run's cost is not known in advance.
 *
 * <p>Thread-safe: each call runs its own process and keeps no state.
 */
public final class ClaudeCodeAuthor implements Author {
    public static final String PROVIDER = "claude-code";
    /** Environment variable naming the claude executable, for {@link #findExecutable(Map)}. */
    public static final String EXECUTABLE_VARIABLE = "SCENARIST_CLAUDE";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Variables {@link #childEnvironment(Map)} passes on: what claude needs to run, find its login and reach the API. */
    public static final List<String> PASSED_VARIABLES = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TZ",
            "TMPDIR", "XDG_CONFIG_HOME", "CLAUDE_CONFIG_DIR", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL",
            "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy", "NODE_EXTRA_CA_CERTS");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD).*");
    private static final Logger LOG = LoggerFactory.getLogger(ClaudeCodeAuthor.class);

    private final ModelRef model;
    private final Path executable;
    private final ToolPolicyResolver tools;
    private final Duration defaultTimeout;
    private final Redactor redactor;
    private final Map<String, String> environment;
    private final Clock clock;

    /**
     * @param model          {@code claude-code:<model>}, e.g. {@code claude-code:sonnet}
     * @param executable     the {@code claude} executable (see {@link #findExecutable(Map)})
     * @param tools          per request: workspace and tool policy
     * @param defaultTimeout used when the request carries the engine's default timeout
     * @param redactor       the application's redactor; key-like values of {@code environment} are registered with it
     * @param environment    the child's complete environment (see {@link #childEnvironment(Map)})
     */
    public ClaudeCodeAuthor(ModelRef model, Path executable, ToolPolicyResolver tools, Duration defaultTimeout,
                            Redactor redactor, Map<String, String> environment) {
        this(model, executable, tools, defaultTimeout, redactor, environment, Clock.systemUTC());
    }

    ClaudeCodeAuthor(ModelRef model, Path executable, ToolPolicyResolver tools, Duration defaultTimeout,
                     Redactor redactor, Map<String, String> environment, Clock clock) {
        this.model = Objects.requireNonNull(model, "model");
        if (!PROVIDER.equals(model.provider())) {
            throw new IllegalArgumentException("ClaudeCodeAuthor runs claude-code:<model> models, got " + model);
        }
        this.executable = Objects.requireNonNull(executable, "executable");
        this.tools = Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("claude timeout must be positive, got " + defaultTimeout);
        }
        this.defaultTimeout = defaultTimeout;
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.environment = Map.copyOf(environment);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.environment.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && value != null && !value.isBlank()) redactor.register(new Secret(value, "$" + name));
        });
    }

    /** The subset of {@code parent} (usually {@code System.getenv()}) listed in {@link #PASSED_VARIABLES}. */
    public static Map<String, String> childEnvironment(Map<String, String> parent) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : PASSED_VARIABLES) {
            String v = parent.get(name);
            if (v != null) out.put(name, v);
        }
        return out;
    }

    /** {@code $SCENARIST_CLAUDE} if set, else the first executable {@code claude} on {@code $PATH}. */
    public static Optional<Path> findExecutable(Map<String, String> env) {
        String explicit = env.get(EXECUTABLE_VARIABLE);
        if (explicit != null && !explicit.isBlank()) return Optional.of(Path.of(explicit));
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, "claude");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    @Override
    public String id() {
        return model.toString();
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws AuthorException, InterruptedException {
        String modelName = modelFor(request);
        String what = "claude-code:" + modelName + " (stage '" + request.stage() + "', attempt " + request.attempt() + ")";
        ClaudeCodeInvocation invocation = invocationFor(request, what);
        requireExecutable();
        if (!Files.isDirectory(invocation.workingDir())) {
            throw new PermanentAuthorException(what + ": workspace " + invocation.workingDir() + " is not a directory");
        }
        Duration timeout = timeoutFor(request);

        ClaudeCodeCommand.Prompts prompts = ClaudeCodeCommand.prompts(request, invocation);
        ProcessBuilder pb = new ProcessBuilder(ClaudeCodeCommand.argv(executable, modelName, prompts.appended(), invocation))
                .directory(invocation.workingDir().toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        ClaudeCodeProcess.Finished run;
        try {
            run = ClaudeCodeProcess.run(pb, prompts.stdin(), timeout, what, redactor);
        } catch (IOException e) {
            throw new PermanentAuthorException(what + ": could not start claude at " + executable + ": "
                    + redactor.redact(e.getMessage()) + "; install Claude Code or set " + EXECUTABLE_VARIABLE, e);
        }
        return outcome(run, modelName, what);
    }

    /** The reply of a successful result event; otherwise the failure, classified (see {@link FailureClassifier}). */
    private AuthorReply outcome(ClaudeCodeProcess.Finished run, String modelName, String what) throws AuthorException {
        StreamTranscript transcript = run.transcript();
        int exit = run.exit();
        Duration latency = run.latency();
        Optional<StreamTranscript.Result> result = transcript.result();
        if (result.isPresent() && !result.get().isError() && "success".equals(result.get().subtype())) {
            StreamTranscript.Result r = result.get();
            List<StreamTranscript.Denial> denials = transcript.denials();
            if (!denials.isEmpty() && LOG.isDebugEnabled()) {
                LOG.debug("{}: Claude Code refused {} tool call(s) under the stage's tool policy: {}", what, denials.size(),
                        redactor.redact(denials.stream().map(d -> d.tool() + (d.target().isEmpty() ? "" : "(" + d.target() + ")"))
                                .collect(Collectors.joining(", "))));
            }
            if (exit != 0) LOG.debug("{}: claude reported success but exited {}", what, exit);
            return new AuthorReply(r.text(), r.usage(), transcript.model().orElse(modelName), latency);
        }
        if (result.isEmpty() && exit == 0) {
            throw new TransientAuthorException(what + ": claude exited 0 without a result event (" + transcript.events()
                    + " events, " + transcript.unparsedLines() + " non-JSON lines)"
                    + (run.stderr().isBlank() ? "" : "; stderr: " + redactor.redact(run.stderr().strip())));
        }
        throw FailureClassifier.classify(new FailureClassifier.Failure(what, OptionalInt.of(exit), result,
                transcript.assistantError(), run.stderr()), redactor, clock.instant());
    }

    private String modelFor(AuthorRequest request) throws PermanentAuthorException {
        Optional<String> asked = request.settings().model().filter(s -> !s.isBlank());
        if (asked.isEmpty()) return model.model();
        String spec = asked.get();
        if (!ModelRef.looksLikeModel(spec)) return spec;
        ModelRef ref;
        try {
            ref = ModelRef.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new PermanentAuthorException("stage '" + request.stage() + "': " + e.getMessage(), e);
        }
        if (!PROVIDER.equals(ref.provider())) {
            throw new PermanentAuthorException("stage '" + request.stage() + "' asks for model " + spec + " but was routed to "
                    + id() + "; route that stage to a " + ref.provider() + " author or name a claude-code model");
        }
        return ref.model();
    }

    private ClaudeCodeInvocation invocationFor(AuthorRequest request, String what) throws PermanentAuthorException {
        try {
            return Objects.requireNonNull(tools.resolve(request), "tool policy resolver returned null");
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw new PermanentAuthorException(what + ": no usable workspace or tool policy: " + redactor.redact(e.getMessage()), e);
        }
    }

    private void requireExecutable() throws PermanentAuthorException {
        if (!Files.isRegularFile(executable)) {
            throw new PermanentAuthorException("claude executable not found at " + executable
                    + "; install Claude Code or set " + EXECUTABLE_VARIABLE);
        }
        if (!Files.isExecutable(executable)) {
            throw new PermanentAuthorException("claude executable at " + executable + " is not executable; chmod +x it or set "
                    + EXECUTABLE_VARIABLE);
        }
    }

    private Duration timeoutFor(AuthorRequest request) {
        Duration asked = request.settings().timeout();
        return asked.equals(ModelSettings.DEFAULT_TIMEOUT) ? defaultTimeout : asked;
    }

    static String human(Duration d) {
        if (d.toMillis() < 1000) return d.toMillis() + " ms";
        if (d.toSeconds() < 120) return d.toSeconds() + " s";
        return d.toMinutes() + " min" + (d.toSecondsPart() == 0 ? "" : " " + d.toSecondsPart() + " s");
    }
}
