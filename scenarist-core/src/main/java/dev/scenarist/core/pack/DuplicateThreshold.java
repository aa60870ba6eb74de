package dev.scenarist.core.pack;

/**
 * A pack that sets its own similarity at or above which two of its scenarios are duplicates. Without it,
 * {@link Capabilities#DEFAULT_DUPLICATE_THRESHOLD}.
 */
public non-sealed interface DuplicateThreshold extends PackCapability {
    /** In [0,1]. */
    double duplicateThreshold();
}
