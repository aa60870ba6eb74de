package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.PartLabel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The parts of a model that a preview draws, in document order. */
record PreviewScene(List<Part> parts) {
    PreviewScene {
        parts = List.copyOf(parts);
    }

    /** The labels present, for the legend. */
    Set<PartLabel> labels() {
        Set<PartLabel> out = EnumSet.noneOf(PartLabel.class);
        parts.forEach(p -> out.add(p.label()));
        out.remove(PartLabel.NONE);
        return out;
    }
}
