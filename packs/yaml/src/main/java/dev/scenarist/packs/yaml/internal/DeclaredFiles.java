package dev.scenarist.packs.yaml.internal;

import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.yaml.tree.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The output files the stages declare, in pipeline order, so that every file a check, the uniqueness text or the
 * summary refers to can be verified to exist by the time it is read: a typo in a file name is caught when the
 * pack loads, not after a model has been paid to write a scenario.
 */
final class DeclaredFiles {
    record Declared(String path, FileFormat format, int stageIndex, String stageName) {}

    private final Map<String, Declared> byPath = new LinkedHashMap<>();

    void declare(String path, FileFormat format, int stageIndex, String stageName) {
        byPath.putIfAbsent(path, new Declared(path, format, stageIndex, stageName));
    }

    /** The file must be written by the stage at {@code stageIndex} or an earlier one. */
    Declared requireBy(Node at, String path, int stageIndex, String stageName, String who) {
        Declared d = requireAnywhere(at, path, who);
        if (d.stageIndex() > stageIndex) {
            throw at.error(who + " reads '" + path + "', which is written only by the later stage '" + d.stageName()
                            + "', so it does not exist yet when stage '" + stageName + "' is checked",
                    "move the check to stage '" + d.stageName() + "' or later, or add '" + path + "' to this stage's outputs");
        }
        return d;
    }

    Declared requireAnywhere(Node at, String path, String who) {
        Declared d = byPath.get(path);
        if (d == null) {
            String close = DidYouMean.hint(path, byPath.keySet());
            throw at.error(who + " reads '" + path + "', which no stage declares as an output",
                    close + "declared outputs: " + (byPath.isEmpty() ? "(none yet)" : String.join(", ", byPath.keySet()))
                            + "; add it to a stage's 'outputs' or fix the name");
        }
        return d;
    }

    /** Declared files written by stage {@code stageIndex} or earlier that match. */
    List<Declared> matching(Predicate<String> matcher, int stageIndex) {
        return byPath.values().stream().filter(d -> d.stageIndex() <= stageIndex && matcher.test(d.path())).toList();
    }

    List<String> paths() {
        return List.copyOf(byPath.keySet());
    }
}
