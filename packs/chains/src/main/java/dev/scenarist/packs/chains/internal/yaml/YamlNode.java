package dev.scenarist.packs.chains.internal.yaml;

import dev.scenarist.packs.chains.ChainsFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** A YAML value that remembers where it was written, so every problem found later can name its file:line. */
public sealed interface YamlNode {
    Where where();

    /** The field path from the document root, e.g. {@code scenarios[0].steps[2].question}. */
    String path();

    record Where(String file, int line, int column) {}

    record Scalar(Where where, String path, String text, boolean isNull) implements YamlNode {}

    record Seq(Where where, String path, List<YamlNode> items) implements YamlNode {}

    record Map(Where where, String path, LinkedHashMap<String, YamlNode> fields, java.util.Map<String, Where> keys) implements YamlNode {
        public Optional<YamlNode> get(String key) {
            return Optional.ofNullable(fields.get(key));
        }
    }

    default ChainsFormatException problem(String problem, String fix) {
        return new ChainsFormatException(where().file(), where().line(), where().column(), path(), problem, fix);
    }

    default String kind() {
        return switch (this) {
            case Scalar s -> s.isNull() ? "nothing" : "a value";
            case Seq q -> "a list";
            case Map m -> "a mapping";
        };
    }
}
