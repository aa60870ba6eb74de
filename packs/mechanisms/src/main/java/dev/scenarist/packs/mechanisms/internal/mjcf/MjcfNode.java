package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One XML element of an MJCF document: tag, attributes in document order, children, and where it was written
 * ({@code file} as shown in findings, 1-based {@code line} of its {@code <}). After include expansion a tree mixes
 * nodes from several files; each keeps its own file and line.
 */
final class MjcfNode {
    final String tag;
    final Map<String, String> attrs;
    final List<MjcfNode> children = new ArrayList<>();
    final String file;
    final int line;
    MjcfNode parent;
    /** Resolved by the structure pass; null when the element is not allowed where it stands. */
    MjcfSchema.Element def;

    MjcfNode(String tag, Map<String, String> attrs, String file, int line) {
        this.tag = tag;
        this.attrs = new LinkedHashMap<>(attrs);
        this.file = file;
        this.line = line;
    }

    String location() {
        return file + ":" + line;
    }

    Optional<String> attr(String name) {
        return Optional.ofNullable(attrs.get(name));
    }

    boolean has(String name) {
        return attrs.containsKey(name);
    }

    void add(MjcfNode child) {
        child.parent = this;
        children.add(child);
    }

    /** {@code <geom name="arm">} as {@code geom 'arm'}, or just {@code geom} when unnamed: how findings name it. */
    String describe() {
        String name = attrs.get("name");
        return name == null || name.isEmpty() ? tag : tag + " '" + name + "'";
    }

    /** {@code " 'arm'"} for a named element, else empty: for messages that already say the element's kind. */
    String nameSuffix() {
        String name = attrs.get("name");
        return name == null || name.isEmpty() ? "" : " '" + name + "'";
    }

    @Override
    public String toString() {
        return "<" + tag + "> at " + location();
    }
}
