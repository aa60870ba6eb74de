package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.PartLabel;
import java.util.EnumSet;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a model that a preview draws, in document order, and where its named sites are (a task's subject
 * may be a site, which draws nothing but is where the task's arrow starts).
 */
record PreviewScene(List<Part> parts, Map<String, Vec3> sites) {
    PreviewScene {
        parts = List.copyOf(parts);
        sites = Map.copyOf(sites);
    }

    /** The labels present, for the legend. */
    Set<PartLabel> labels() {
        Set<PartLabel> out = EnumSet.noneOf(PartLabel.class);
        parts.forEach(p -> out.add(p.label()));
        out.remove(PartLabel.NONE);
        return out;
    }
}
