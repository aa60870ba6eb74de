package dev.scenarist.packs.appworld.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The published JSON Schema (draft 2020-12) of the scenario document, shipped in the jar. */
public final class ScenarioSchema {
    /** Classpath location of the schema. */
    public static final String RESOURCE = "/dev/scenarist/packs/appworld/scenario/scenario.schema.json";
    /** The schema's {@code $id}. */
    public static final String ID = "https://scenarist.dev/schemas/appworld/scenario.schema.json";

    private ScenarioSchema() {}

    /** The schema's text. */
    public static String text() {
        try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the jar lacks " + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
