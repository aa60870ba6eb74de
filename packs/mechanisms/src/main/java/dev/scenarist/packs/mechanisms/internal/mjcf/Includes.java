package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.core.model.Finding;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <include file="..."/>}: the included file's root element is dropped and its children take the place of
 * the include, as in MuJoCo. Paths try the main model's folder first, then the including file's folder. A file
 * may be included once; cycles are reported.
 */
final class Includes {
    final ReadScope scope;
    final Path modelDir;
    final Findings out;
    final List<MjcfXml.StrayText> stray;
    final Set<Path> visited = new HashSet<>();
    final Deque<Path> stack = new ArrayDeque<>();
    /** Every file included, in the order read. */
    final List<ModelFile> files = new ArrayList<>();

    Includes(ReadScope scope, Findings out, List<MjcfXml.StrayText> stray) {
        this.scope = scope;
        this.modelDir = scope == null ? null : scope.root();
        this.out = out;
        this.stray = stray;
    }

    void expand(MjcfNode parent, Path currentDir) {
        List<MjcfNode> result = new ArrayList<>();
        boolean changed = false;
        for (MjcfNode c : parent.children) {
            if (!c.tag.equals("include")) {
                expand(c, currentDir);
                result.add(c);
                continue;
            }
            changed = true;
            result.addAll(include(c, currentDir));
        }
        if (changed) {
            parent.children.clear();
            for (MjcfNode c : result) {
                parent.add(c);
            }
        }
    }

    private List<MjcfNode> include(MjcfNode inc, Path currentDir) {
        for (String a : inc.attrs.keySet()) {
            if (!a.equals("file")) {
                out.error(MjcfValidator.UNKNOWN_ATTRIBUTE, inc, "unrecognized attribute '" + a + "' in <include>",
                        "<include> takes only file=\"...\"");
            }
        }
        if (!inc.children.isEmpty()) {
            out.error(MjcfValidator.INCLUDE, inc, "include element cannot have children", "write <include file=\"...\"/>");
        }
        String file = inc.attrs.get("file");
        if (file == null || file.isBlank()) {
            out.error(MjcfValidator.MISSING_ATTRIBUTE, inc, "required attribute missing: 'file' in <include>",
                    "write <include file=\"other.xml\"/>");
            return List.of();
        }
        if (modelDir == null) {
            out.warning(MjcfValidator.INCLUDE, inc, "included file '" + file + "' was not checked: the model has no folder to "
                    + "resolve it against", "validate the model from a file on disk");
            return List.of();
        }
        Located located = locate(file, currentDir);
        if (located instanceof Located.Refused r) {
            out.error(MjcfValidator.OUTSIDE_FOLDER, inc, "attribute 'file' of <include> names '" + file + "', which is not read: "
                    + r.why(), ReadScope.fix(r.path()));
            return List.of();
        }
        Path target = located instanceof Located.Found f ? f.real() : null;
        Path asNamed = located instanceof Located.Found f ? f.path() : null;
        if (target == null) {
            out.error(MjcfValidator.INCLUDE, inc, "cannot open included file '" + file + "': not found in " + candidates(file,
                    currentDir), "include paths are relative to the main model file's folder");
            return List.of();
        }
        if (stack.contains(target)) {
            out.error(MjcfValidator.INCLUDE, inc, "include cycle: '" + file + "' includes itself (directly or indirectly)",
                    "remove the circular <include>");
            return List.of();
        }
        if (!visited.add(target)) {
            out.error(MjcfValidator.INCLUDE, inc, "file '" + file + "' already included", "include each file once");
            return List.of();
        }
        files.add(new ModelFile(asNamed, target, isAbsolute(file)));
        String shown = target.startsWith(modelDir) ? modelDir.relativize(target).toString().replace('\\', '/')
                : target.toString();
        String text = MjcfValidator.read(target, shown, inc, out);
        if (text == null) {
            return List.of();
        }
        MjcfNode root;
        try {
            root = MjcfXml.parse(text, shown, stray);
        } catch (MjcfXml.ParseException e) {
            out.add(Finding.error(MjcfValidator.XML, e.getMessage() + " (included from " + inc.location() + ")",
                    shown + ":" + e.line, "fix the XML syntax of the included file"));
            return List.of();
        }
        if (!root.tag.equals("mujoco")) {
            out.warning(MjcfValidator.INCLUDE, root, "the root element <" + root.tag + "> of included file '" + shown
                    + "' is dropped: only its children are inserted at " + inc.location(),
                    "wrap the included elements in <mujoco> ... </mujoco>");
        }
        stack.push(target);
        try {
            expand(root, target.getParent());
        } finally {
            stack.pop();
        }
        return new ArrayList<>(root.children);
    }

    /** The first candidate inside the scope that is a file; a candidate outside it is never probed. */
    private Located locate(String file, Path currentDir) {
        Located.Refused refused = null;
        for (Path candidate : candidatePaths(file, currentDir)) {
            ReadScope.Verdict v = scope.check(candidate);
            if (v instanceof ReadScope.Verdict.Inside in && Files.isRegularFile(in.real())) {
                return new Located.Found(candidate, in.real());
            }
            if (v instanceof ReadScope.Verdict.Outside o && refused == null) {
                refused = new Located.Refused(o.why(), candidate);
            }
        }
        return refused == null ? new Located.NotFound() : refused;
    }

    private static boolean isAbsolute(String file) {
        try {
            return Path.of(file).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private sealed interface Located {
        record Found(Path path, Path real) implements Located {}

        record NotFound() implements Located {}

        record Refused(String why, Path path) implements Located {}
    }

    private Set<Path> candidatePaths(String file, Path currentDir) {
        Set<Path> out = new LinkedHashSet<>();
        try {
            Path f = Path.of(file);
            if (f.isAbsolute()) {
                out.add(f.normalize());
            } else {
                out.add(modelDir.resolve(f).normalize());
                if (currentDir != null) {
                    out.add(currentDir.resolve(f).normalize());
                }
            }
        } catch (InvalidPathException e) {
            // no usable candidate
        }
        return out;
    }

    private String candidates(String file, Path currentDir) {
        List<String> shown = new ArrayList<>();
        for (Path p : candidatePaths(file, currentDir)) {
            shown.add(p.startsWith(modelDir) ? modelDir.relativize(p).toString() : p.toString());
        }
        return String.join(", ", shown);
    }
}
