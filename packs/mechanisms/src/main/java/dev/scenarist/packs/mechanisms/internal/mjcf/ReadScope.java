package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a model may make Scenarist read: its scenario folder and the folders a person explicitly allowed.
 *
 * <p>Why: the static check, the preview renderer and the ODE fallback run outside the sandbox, and the model file
 * they read was written by a model or a sandboxed template. Without a scope, {@code <include file="/etc/passwd"/>},
 * {@code <mesh file="../../../home/me/.ssh/id_rsa"/>} or a symlink planted by a template would make them open any
 * file the user can read (and quote it back in a finding). Every path a model names is therefore checked twice:
 * lexically (absolute paths and {@code ..} that stay inside are fine) and after resolving symlinks with
 * {@link Path#toRealPath}, so a link inside the folder that points outside is refused too.
 *
 * @param root    the scenario folder (for a file checked on its own: the model file's folder)
 * @param allowed further folders a person allowed reads from; usually none
 */
public record ReadScope(Path root, List<Path> allowed) {

    /** What checking a path found. */
    public sealed interface Verdict {
        /** Inside the scope; {@code real} is the file to open (symlinks resolved). */
        record Inside(Path real) implements Verdict {}

        /** No such file (a dangling symlink counts as missing). */
        record Missing() implements Verdict {}

        /** Outside the scope; {@code why} names where it leads. */
        record Outside(String why) implements Verdict {}
    }

    public ReadScope {
        root = root.toAbsolutePath().normalize();
        allowed = allowed.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Only the scenario folder. */
    public static ReadScope of(Path root) {
        return new ReadScope(root, List.of());
    }

    /** This scope with the same allowed folders, rooted at {@code newRoot}. */
    public ReadScope rootedAt(Path newRoot) {
        return new ReadScope(newRoot, allowed);
    }

    /** Checks a path a model named, before anything opens it. */
    public Verdict check(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!within(p, lexicalRoots())) {
            return new Verdict.Outside(p + " lies outside " + describe());
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            return new Verdict.Missing();
        } catch (IOException e) {
            return new Verdict.Outside(p + " cannot be resolved (" + e.getMessage() + ")");
        }
        if (!within(real, realRoots())) {
            return new Verdict.Outside(p + " is a symbolic link to " + real + ", outside " + describe());
        }
        return new Verdict.Inside(real);
    }

    /** "the scenario folder /x" or "the scenario folder /x and the allowed folders /a, /b". */
    public String describe() {
        String s = "the scenario folder " + root;
        return allowed.isEmpty() ? s : s + " and the allowed folder(s) " + String.join(", ", allowed.stream().map(Path::toString).toList());
    }

    /**
     * How to fix the refusal of {@code refused}: the general fix, or — the file being a real one beside the model, as
     * models of MuJoCo Menagerie share meshes and includes — the folder to allow.
     */
    public static String fix(Path refused) {
        Path folder = refused.toAbsolutePath().normalize().getParent();
        return fix() + "; or, if that file is meant to be read, allow its folder: scenarist validate --allow-read "
                + (folder == null ? refused : folder) + " (models are read where they lie, so ../ paths resolve as in MuJoCo)";
    }

    /** How to fix a refused path, for a finding's hint. */
    public static String fix() {
        return "put the file inside the scenario folder and name it relative to the model file (e.g. meshes/part.stl), "
                + "as a real file, not a symbolic link to elsewhere";
    }

    private List<Path> lexicalRoots() {
        List<Path> out = new ArrayList<>(declared());
        // a root reached through a symlink (e.g. /tmp on some systems) also accepts paths written with its real form
        out.addAll(realRoots());
        return out;
    }

    private List<Path> realRoots() {
        List<Path> out = new ArrayList<>();
        for (Path r : declared()) {
            try {
                out.add(r.toRealPath());
            } catch (IOException e) {
                // a folder that does not exist admits nothing
            }
        }
        return out;
    }

    private List<Path> declared() {
        List<Path> out = new ArrayList<>();
        out.add(root);
        out.addAll(allowed);
        return out;
    }

    private static boolean within(Path p, List<Path> roots) {
        for (Path r : roots) {
            if (p.startsWith(r)) return true;
        }
        return false;
    }
}
