package dev.scenarist.packs.mechanisms.internal.template;

import java.nio.file.Path;

/** Compiles a template's source into class files, never running any of it; see {@link ServerCompiler}. */
interface TemplateCompiler extends AutoCloseable {
    /**
     * Compiles {@code sourceFile} (relative to {@code workspace}) against the scene API, writing its classes into
     * {@code classes}.
     */
    Compilation compile(Path workspace, String sourceFile, Path classes) throws InterruptedException;

    @Override
    void close();

    /** What came of one compile. */
    sealed interface Compilation {
        /** The classes are in the folder asked for. */
        record Compiled() implements Compilation {}

        /** The source does not compile: the compiler's diagnostics ({@code File.java:12: error: …}). */
        record Failed(String diagnostics) implements Compilation {}

        /** Compiling ran past its time limit. */
        record TimedOut(long seconds) implements Compilation {}

        /** Compiling ran into a sandbox limit, described. */
        record LimitExceeded(String description) implements Compilation {}

        /** The compiler could not be run: no verdict on the source ({@code permanent} when a retry cannot help). */
        record Unavailable(String reason, boolean permanent) implements Compilation {}
    }
}
