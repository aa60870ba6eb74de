package dev.scenarist.packs.mechanisms.internal.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Renders a scene file to a PNG image, headless, showing its task ({@code task_<seed>.json}) when it has one. */
@FunctionalInterface
public interface Previewer {
    void render(Path sceneXml, Optional<Path> taskJson, Path png) throws IOException;
}
