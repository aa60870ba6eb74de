package dev.scenarist.packs.yaml.internal;

import java.util.Optional;

/** {@code summary:}: where a scenario's title and description come from. */
public record SummarySource(Optional<FileReference> title, Optional<FileReference> description) {}
