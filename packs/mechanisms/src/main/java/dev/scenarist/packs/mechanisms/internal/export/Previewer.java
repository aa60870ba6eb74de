package dev.scenarist.packs.mechanisms.internal.export;

import java.io.IOException;
import java.nio.file.Path;

/** Renders a scene file to a PNG image, headless. */
@FunctionalInterface
public interface Previewer {
    void render(Path sceneXml, Path png) throws IOException;
}
