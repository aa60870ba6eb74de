package dev.scenarist.core.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run's working folder with the editable scenario files. Paths handed in are always relative,
 * forward-slashed and may not escape the folder: the model proposes names, the workspace refuses
 * anything that would write elsewhere.
 */
public final class Workspace {
    private final Path root;

    public Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create workspace " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Resolves a relative path inside the workspace, refusing absolute paths, {@code ..} and links out. */
    public Path resolve(String relative) {
        String problem = problemWithPath(relative);
        if (problem != null) throw new IllegalArgumentException(problem);
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) throw new IllegalArgumentException("path escapes the workspace: " + relative);
        return p;
    }

    /** Why a proposed file name is unacceptable, or null when it is fine. */
    public static String problemWithPath(String relative) {
        if (relative == null || relative.isBlank()) return "empty file path";
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
            return "absolute file path '" + relative + "' (use a path relative to the scenario folder)";
        }
        for (String part : relative.split("/")) {
            if (part.equals("..")) return "file path '" + relative + "' leaves the scenario folder through '..'";
        }
        if (relative.contains("\\") || relative.contains("\0")) return "file path '" + relative + "' has a backslash or NUL";
        return null;
    }

    public boolean exists(String relative) {
        return Files.isRegularFile(resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    public Optional<String> read(String relative) {
        Path p = resolve(relative);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    public void write(String relative, String content) {
        Path p = resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    public void delete(String relative) {
        try {
            Files.deleteIfExists(resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relative paths of all regular files, sorted. */
    public List<String> list() {
        return list(root);
    }

    /** All files and their text, sorted by path. */
    public SortedMap<String, String> contents() {
        SortedMap<String, String> out = new TreeMap<>();
        for (String f : list()) out.put(f, read(f).orElseThrow());
        return out;
    }

    /** Replaces everything in the workspace with a copy of {@code source} (a snapshot folder). */
    /** Empties the workspace, then copies {@code source} in if there is one (none: the workspace stays empty). */
    public void restoreFrom(java.util.Optional<Path> source) {
        clear();
        source.filter(Files::isDirectory).ifPresent(s -> copyTree(s, root));
    }

    public void replaceWith(SortedMap<String, String> files) {
        clear();
        files.forEach(this::write);
    }

    public void clear() {
        deleteTree(root, false);
    }

    public static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> out = new ArrayList<>();
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Copies a folder tree; regular files only (links are not followed). */
    public static void copyTree(Path from, Path to) {
        try {
            Files.createDirectories(to);
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Deletes a tree; with {@code includeRoot=false} only its contents. Missing folders are fine. */
    public static void deleteTree(Path dir, boolean includeRoot) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (includeRoot || !d.equals(dir)) Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
