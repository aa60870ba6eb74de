package dev.scenarist.core.review;

/**
 * What a person's override of one file changed: a diff summary, as the run's trajectory records it.
 *
 * @param created whether the file did not exist before
 * @param changed whether the content differs from what was there (an identical text is recorded, and changes nothing)
 */
public record FileOverride(String runId, String path, boolean created, boolean changed, Diff diff) {
    /** Lines added and removed (as multisets of lines), and the sizes before and after, in bytes. */
    public record Diff(int linesAdded, int linesRemoved, long bytesBefore, long bytesAfter) {}

    public int linesAdded() {
        return diff.linesAdded();
    }

    public int linesRemoved() {
        return diff.linesRemoved();
    }
}
