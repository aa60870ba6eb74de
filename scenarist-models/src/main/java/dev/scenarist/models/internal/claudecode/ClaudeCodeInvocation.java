package dev.scenarist.models.internal.claudecode;

import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where one Claude Code call runs and which tools it may use: the run's workspace as working directory, the
 * stage's editable files, and the {@code --allowedTools} / {@code --disallowedTools} rules derived from them.
 * Build it with {@link #readOnly(Path)}, {@link #editing(Path, List)} or {@link #forStage(Path, List)}; the raw
 * constructor is for tests and unusual wiring.
 *
 * <p>The rules follow Claude Code's permission rule syntax
 * (<a href="https://docs.anthropic.com/en/docs/claude-code/iam">docs.anthropic.com/en/docs/claude-code/iam</a>,
 * "Read &amp; Edit"): an {@code Edit(...)} rule applies to every built-in tool that edits files (Edit, Write,
 * NotebookEdit), and a pattern starting with {@code //} is an absolute path from the filesystem root. An editing
 * stage therefore gets one {@code Edit(//abs/path/to/file)} rule per editable file and no bare Edit/Write deny
 * (deny rules beat allow rules, and a bare-name deny removes the tool altogether, see
 * <a href="https://code.claude.com/docs/en/agent-sdk/permissions">code.claude.com/docs/en/agent-sdk/permissions</a>).
 * Together with {@code --permission-mode dontAsk} (anything not allowed is refused instead of prompted) a
 * read-only stage can only read and search, and an editing stage can additionally edit exactly its files.
 *
 * @param workingDir      the run's workspace; the process's working directory (made absolute)
 * @param editableFiles   workspace-relative files this stage may change; empty for a read-only stage
 * @param allowedTools    rules passed to {@code --allowedTools} (comma-joined, so none may contain a comma)
 * @param disallowedTools rules passed to {@code --disallowedTools}
 */
public record ClaudeCodeInvocation(Path workingDir, List<String> editableFiles, List<String> allowedTools,
                                   List<String> disallowedTools) {
    /** What every stage may do: read and search inside the workspace. */
    public static final List<String> READ_TOOLS = List.of("Read", "Grep", "Glob");
    /** Never allowed: shell commands, the network, sub-agents. */
    public static final List<String> SHELL_AND_NETWORK_TOOLS = List.of("Bash", "WebFetch", "WebSearch", "Task");
    /** Denied outright in read-only stages. */
    public static final List<String> EDIT_TOOLS = List.of("Edit", "Write", "NotebookEdit");

    public ClaudeCodeInvocation {
        Objects.requireNonNull(workingDir, "workingDir");
        workingDir = workingDir.toAbsolutePath().normalize();
        editableFiles = List.copyOf(editableFiles);
        allowedTools = List.copyOf(allowedTools);
        disallowedTools = List.copyOf(disallowedTools);
        for (String rule : concat(allowedTools, disallowedTools)) {
            if (rule.isBlank() || rule.contains(",")) {
                throw new IllegalArgumentException("tool rule '" + rule + "' is blank or contains a comma;"
                        + " rules are passed to claude as one comma-separated list");
            }
        }
    }

    /** A stage that may only read and search the workspace (description, review, uniqueness work). */
    public static ClaudeCodeInvocation readOnly(Path workspace) {
        return new ClaudeCodeInvocation(workspace, List.of(), READ_TOOLS, concat(EDIT_TOOLS, SHELL_AND_NETWORK_TOOLS));
    }

    /**
     * A stage that may read and search the workspace and edit exactly {@code editableFiles} (workspace-relative
     * paths; a {@code #region} suffix is dropped, since Claude Code's rules are per file and the engine's edit
     * policy enforces regions).
     *
     * @throws IllegalArgumentException when there are no files, or a path is absolute, leaves the workspace, or
     *                                  contains a character that cannot be expressed in a permission rule
     */
    public static ClaudeCodeInvocation editing(Path workspace, List<String> editableFiles) {
        Path root = workspace.toAbsolutePath().normalize();
        Set<String> files = new LinkedHashSet<>();
        for (String entry : editableFiles) {
            int hash = entry.indexOf('#');
            files.add(hash < 0 ? entry : entry.substring(0, hash));
        }
        if (files.isEmpty()) throw new IllegalArgumentException("an editing stage needs at least one editable file; use readOnly()");
        List<String> allowed = new ArrayList<>(READ_TOOLS);
        for (String file : files) allowed.add(editRule(root, file));
        return new ClaudeCodeInvocation(root, List.copyOf(files), allowed, SHELL_AND_NETWORK_TOOLS);
    }

    /**
     * From a stage policy's {@code editable} list (after the engine has resolved "empty means the declared
     * outputs"): read-only when empty, editing otherwise.
     */
    public static ClaudeCodeInvocation forStage(Path workspace, List<String> editable) {
        return editable.isEmpty() ? readOnly(workspace) : editing(workspace, editable);
    }

    public boolean isReadOnly() {
        return editableFiles.isEmpty();
    }

    /**
     * {@code Edit(//abs/path)}: an absolute-path rule, so it matches whatever path form the tool reports; a folder entry
     * ({@code dir/}) becomes {@code Edit(//abs/dir/**)}.
     */
    static String editRule(Path root, String relative) {
        if (relative.endsWith("/") && relative.length() > 1) {
            String folderRule = editRule(root, relative.substring(0, relative.length() - 1));
            return folderRule.substring(0, folderRule.length() - 1) + "/**)";
        }
        String problem = Workspace.problemWithPath(relative);
        if (problem != null) throw new IllegalArgumentException("editable file: " + problem);
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) throw new IllegalArgumentException("editable file '" + relative + "' escapes the workspace " + root);
        String abs = file.toString().replace('\\', '/');
        for (char c : abs.toCharArray()) {
            if (c == ',' || c == '(' || c == ')' || c == '*' || c == '?' || c == '[' || c == ']' || c == '!' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("editable file path '" + abs + "' contains '" + c
                        + "', which Claude Code's permission rules cannot express; use a workspace path and file names without , ( ) * ? [ ] !");
            }
        }
        return "Edit(/" + (abs.startsWith("/") ? abs : "/" + abs) + ")";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
