package dev.scenarist.packs.yaml.internal;

import java.util.List;

/** {@code uniqueness:}: what text the duplicate gate compares (empty: every file) and from what similarity on. */
public record UniquenessSource(List<FileReference> textFrom, double threshold) {
    public UniquenessSource {
        textFrom = List.copyOf(textFrom);
    }
}
