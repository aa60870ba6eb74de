package dev.scenarist.core.review;

/**
 * What a person's override of one file changed: a diff summary, as the run's trajectory records it.
 *
 * @param created whether the file did not exist before
 * @param changed whether the content differs from what was there (an identical text is recorded, and changes nothing)
 */
public record FileOverride(String runId, String path, boolean created, boolean changed, int linesAdded, int linesRemoved,
                           long bytesBefore, long bytesAfter) {}
