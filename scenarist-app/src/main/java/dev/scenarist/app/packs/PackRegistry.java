package dev.scenarist.app.packs;

import dev.scenarist.core.pack.Pack;
import dev.scenarist.packs.yaml.YamlPackLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds packs: the examples bundled in the application, then YAML packs in {@code <data-dir>/packs/<name>/pack.yaml}
 * and in any folder listed in {@code SCENARIST_PACKS} (colon-separated). A later source with the same name wins,
 * so a user can override a bundled pack. Packs are loaded on demand: a broken pack file only fails when used.
 *
 * <p>The registry owns the packs it made: closing it closes each one that holds resources ({@link AutoCloseable}: the
 * mechanisms pack's MuJoCo sidecars, the services pack's PostgreSQL server), so a command leaves no process behind.
 */
public final class PackRegistry implements AutoCloseable {
    /** Where a pack comes from, for listings. */
    public record Source(String name, String origin, Path dir) {}

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Pack> loaded = new LinkedHashMap<>();
    private final YamlPackLoader loader;

    private final Map<String, java.util.function.Supplier<Pack>> builtIn = new LinkedHashMap<>();

    /**
     * @param javaPacks packs written in Java (created on first use), listed before the YAML ones; a YAML pack of
     *                  the same name in a user folder overrides one
     */
    public PackRegistry(YamlPackLoader loader, Path bundledDir, List<Path> userDirs, Map<String, java.util.function.Supplier<Pack>> javaPacks) {
        this.loader = loader;
        javaPacks.forEach((name, factory) -> {
            builtIn.put(name, factory);
            sources.put(name, new Source(name, "built-in", null));
        });
        scan(bundledDir, "bundled");
        for (Path d : userDirs) scan(d, d.toString());
    }

    private void scan(Path dir, String origin) {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve("pack.yaml"))).sorted()
                    .forEach(p -> sources.put(p.getFileName().toString(), new Source(p.getFileName().toString(), origin, p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list packs in " + dir, e);
        }
    }

    public List<Source> sources() {
        return new ArrayList<>(sources.values());
    }

    public Optional<Source> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /**
     * The pack called {@code name}.
     *
     * @throws UnknownPackException naming the packs there are
     * @throws dev.scenarist.packs.yaml.PackDefinitionException when its pack.yaml is broken (file, line, field)
     */
    public synchronized Pack get(String name) {
        Pack p = loaded.get(name);
        if (p != null) return p;
        Source s = sources.get(name);
        if (s != null && s.dir() == null) {
            p = builtIn.get(name).get();
            loaded.put(name, p);
            return p;
        }
        if (s == null) {
            throw new UnknownPackException("no pack named '" + name + "'; available: " + String.join(", ", sources.keySet())
                    + ". A YAML pack goes in <data-dir>/packs/" + name + "/pack.yaml");
        }
        p = loader.load(s.dir());
        if (!p.name().equals(name)) {
            throw new UnknownPackException("pack folder " + s.dir() + " declares name '" + p.name() + "'; rename the folder or the pack so they match");
        }
        loaded.put(name, p);
        return p;
    }

    /**
     * What pack {@code name} needs on this machine, read as cheaply as it can be: a YAML pack's from its pack.yaml
     * alone (see {@link YamlPackLoader#requirements}), a built-in pack's from the pack itself.
     *
     * @throws UnknownPackException naming the packs there are
     */
    public List<dev.scenarist.core.pack.Requirement> requirements(String name) {
        Source s = sources.get(name);
        if (s == null || s.dir() == null || loaded.containsKey(name)) return dev.scenarist.core.pack.Capabilities.requirements(get(name));
        return loader.requirements(s.dir());
    }

    /**
     * Closes every pack loaded so far that holds resources, each even when another fails (the first failure is thrown
     * afterwards, the others added to it). A pack asked for later is made anew.
     */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (Pack p : loaded.values()) {
            if (!(p instanceof AutoCloseable c)) continue;
            try {
                c.close();
            } catch (Exception e) {
                RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException("closing pack '" + p.name() + "' failed: " + e.getMessage(), e);
                if (failure == null) failure = wrapped;
                else failure.addSuppressed(wrapped);
            }
        }
        loaded.clear();
        if (failure != null) throw failure;
    }

    public static final class UnknownPackException extends RuntimeException {
        public UnknownPackException(String message) {
            super(message);
        }
    }
}
