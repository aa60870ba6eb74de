package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.pack.CheckContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a check reads a scene file from: where it lies ({@code origin}, the folder the person named to
 * {@code validate}), or else the run's workspace. Reading in place matters because MuJoCo resolves
 * {@code <include file="../common/x.xml">} and {@code meshdir="../assets"} against the model's own folder: a copy
 * elsewhere would not reach them. The checks only read there (the read scope still bounds every path).
 */
record ScenePlace(Optional<Path> origin) {
    static final ScenePlace WORKSPACE = new ScenePlace(Optional.empty());

    Path file(CheckContext ctx, String name) {
        return origin.map(o -> o.resolve(name)).orElseGet(() -> ctx.workspace().resolve(name));
    }
}
