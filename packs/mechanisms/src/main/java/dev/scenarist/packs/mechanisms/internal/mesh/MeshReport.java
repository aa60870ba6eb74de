package dev.scenarist.packs.mechanisms.internal.mesh;

import dev.scenarist.core.model.Finding;
import java.util.List;

/**
 * What {@link MeshChecker} found about one mesh, with the measurements behind it.
 *
 * @param findings  problems, empty for a sound mesh
 * @param triangles triangles in the file
 * @param vertices  distinct vertices after welding
 * @param volume    signed volume in the file's units cubed (NaN when the file could not be read)
 */
public record MeshReport(List<Finding> findings, int triangles, int vertices, double volume) {
    public MeshReport {
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return findings.stream().noneMatch(Finding::isError);
    }
}
