package dev.scenarist.models.internal.claudecode;

import dev.scenarist.core.author.AuthorRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code claude} command line for one request (see {@link ClaudeCodeAuthor}): its flags, the tool rules of the
 * stage's {@link ClaudeCodeInvocation}, Scenarist's answer rules appended to the system prompt, and what goes on stdin.
 */
final class ClaudeCodeCommand {
    /** Refuse, rather than prompt for, any tool use not pre-approved by an allow rule. */
    static final String PERMISSION_MODE = "dontAsk";
    /** Linux refuses a single argument of 128 KiB or more; stay well below. */
    static final int MAX_ARGUMENT_BYTES = 100_000;

    private ClaudeCodeCommand() {}

    /**
     * The system prompt to append on the command line and the text for stdin: the request's system prompt with the
     * answer rules, and its prompt; a system prompt too long for one argument goes at the start of stdin instead,
     * leaving only the answer rules on the command line.
     */
    record Prompts(String appended, String stdin) {}

    static Prompts prompts(AuthorRequest request, ClaudeCodeInvocation invocation) {
        String rules = answerRules(invocation);
        String appended = request.system().isBlank() ? rules : request.system().strip() + "\n\n" + rules;
        if (appended.getBytes(StandardCharsets.UTF_8).length > MAX_ARGUMENT_BYTES) {
            return new Prompts(rules, request.system() + "\n\n" + request.prompt());
        }
        return new Prompts(appended, request.prompt());
    }

    /** The full argv. */
    static List<String> argv(Path executable, String modelName, String appendedSystemPrompt, ClaudeCodeInvocation invocation) {
        List<String> c = new ArrayList<>();
        c.add(executable.toString());
        c.add("-p");
        c.add("--output-format");
        c.add("stream-json");
        c.add("--verbose");
        c.add("--model");
        c.add(modelName);
        c.add("--append-system-prompt");
        // an option value starting with '-' could be read as another option
        c.add(appendedSystemPrompt.startsWith("-") ? "\n" + appendedSystemPrompt : appendedSystemPrompt);
        c.add("--permission-mode");
        c.add(PERMISSION_MODE);
        if (!invocation.allowedTools().isEmpty()) {
            c.add("--allowedTools");
            c.add(String.join(",", invocation.allowedTools()));
        }
        if (!invocation.disallowedTools().isEmpty()) {
            c.add("--disallowedTools");
            c.add(String.join(",", invocation.disallowedTools()));
        }
        return c;
    }

    /** What Scenarist tells Claude Code after the stage's own instructions. Stable per stage, so prompt caches hit. */
    static String answerRules(ClaudeCodeInvocation invocation) {
        StringBuilder b = new StringBuilder("# How to answer (Scenarist)\n");
        b.append("Your working directory is the scenario's workspace. ");
        if (invocation.isReadOnly()) {
            b.append("You may read and search files in it; you may not edit files, run commands or use the network.\n");
        } else {
            b.append("You may read and search files in it and edit only: ").append(String.join(", ", invocation.editableFiles()))
                    .append(". You may not edit other files, run commands or use the network.\n");
        }
        b.append("Scenarist owns the files: changes you make with tools are not kept. Your final message is your whole answer; ")
                .append("when the instructions ask for files, it must contain every file you produce or change, complete, ")
                .append("each in its own <file path=\"relative/path\">...</file> block.\n");
        return b.toString();
    }
}
