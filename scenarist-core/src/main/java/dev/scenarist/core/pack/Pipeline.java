package dev.scenarist.core.pack;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The ordered stages of a pack. Stage names are unique. */
public record Pipeline(List<Stage> stages) {
    public Pipeline {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) throw new IllegalArgumentException("a pipeline needs at least one stage");
        Set<String> seen = new HashSet<>();
        for (Stage s : stages) {
            if (!seen.add(s.name())) throw new IllegalArgumentException("stage name '" + s.name() + "' is used twice");
        }
    }

    public int indexOf(String stageName) {
        for (int i = 0; i < stages.size(); i++) if (stages.get(i).name().equals(stageName)) return i;
        return -1;
    }

    public Optional<Stage> find(String stageName) {
        int i = indexOf(stageName);
        return i < 0 ? Optional.empty() : Optional.of(stages.get(i));
    }

    public List<String> names() {
        return stages.stream().map(Stage::name).toList();
    }
}
