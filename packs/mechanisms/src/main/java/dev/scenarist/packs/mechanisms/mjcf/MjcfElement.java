package dev.scenarist.packs.mechanisms.mjcf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of a valid {@link MjcfModel}, with its attributes as MuJoCo sees them once default classes apply
 * ({@code class}, the nearest {@code childclass}, then {@code main}). Identity is the element itself: two wrappers
 * of the same element are equal.
 */
public final class MjcfElement {
    private final MjcfModel model;
    private final ModelIndex index;
    final MjcfNode node;

    MjcfElement(MjcfModel model, ModelIndex index, MjcfNode node) {
        this.model = model;
        this.index = index;
        this.node = node;
    }

    /**
     * The schema element id: the tag, except where one tag means different elements by context ("joint" in a body,
     * "fixed_joint" in a fixed tendon, "equality_joint" in an equality section; "sensor_contact", ...).
     */
    public String kind() {
        return node.def.id();
    }

    public String tag() {
        return node.tag;
    }

    public Optional<String> name() {
        String n = node.attrs.get("name");
        return n == null || n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    /** "file:line" where the element starts. */
    public String location() {
        return node.location();
    }

    /** {@code geom 'arm'}, or {@code geom} when unnamed. */
    public String describe() {
        return node.describe();
    }

    public Optional<MjcfElement> parent() {
        return Optional.ofNullable(node.parent).map(model::wrap);
    }

    /** Child elements the grammar knows, in document order. */
    public List<MjcfElement> children() {
        List<MjcfElement> out = new ArrayList<>();
        for (MjcfNode c : node.children) {
            if (c.def != null) {
                out.add(model.wrap(c));
            }
        }
        return out;
    }

    /** Children of {@code kind}, in document order. */
    public List<MjcfElement> children(String kind) {
        return children().stream().filter(c -> c.kind().equals(kind)).toList();
    }

    /** The attribute written on this element itself, ignoring default classes, or null. */
    public String own(String attribute) {
        return node.attrs.get(attribute);
    }

    /** The attribute once default classes apply, or null when neither the element nor a class sets it. */
    public String attr(String attribute) {
        ModelIndex.Resolved r = index.effective(node, attribute);
        return r == null ? null : r.value();
    }

    public String attr(String attribute, String fallback) {
        String v = attr(attribute);
        return v == null ? fallback : v;
    }

    /** Whether the element or one of its default classes sets the attribute. */
    public boolean has(String attribute) {
        return attr(attribute) != null;
    }

    /** The attribute's numbers once default classes apply, or null when unset (or not numbers). */
    public double[] reals(String attribute) {
        return MjcfValues.reals(attr(attribute));
    }

    /**
     * The numbers of an array attribute as MuJoCo holds them: {@code initial}, overwritten value by value by each
     * default class from {@code main} down, then by the element (a {@code size="2"} over a class's {@code "1 1 1"}
     * is 2 1 1).
     */
    public double[] reals(String attribute, double[] initial) {
        double[] v = index.merged(node, attribute, initial);
        return v == null ? initial.clone() : v;
    }

    /** A single number, or {@code fallback} when unset or not a number. */
    public double real(String attribute, double fallback) {
        double[] v = reals(attribute);
        return v != null && v.length >= 1 ? v[0] : fallback;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MjcfElement e && e.node == node;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(node);
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
