package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.util.List;
import java.util.Optional;

/**
 * One element of an {@link MjcfModel}, with attribute values as MuJoCo sees them once default classes apply
 * ({@code class=}, the nearest {@code childclass=} above, then {@code main}).
 */
public final class MjcfElement {
    final MjcfNode node;
    private final MjcfModel model;

    MjcfElement(MjcfNode node, MjcfModel model) {
        this.node = node;
        this.model = model;
    }

    /** The XML tag, e.g. {@code geom}. */
    public String tag() {
        return node.tag;
    }

    /** The {@code name=} written on the element, or empty. */
    public Optional<String> name() {
        return node.attr("name").filter(n -> !n.isEmpty());
    }

    /** {@code file:line} of the element's start tag, for messages. */
    public String location() {
        return node.location();
    }

    /** The attribute written on the element itself, ignoring default classes. */
    public Optional<String> ownAttribute(String attribute) {
        return node.attr(attribute);
    }

    /** The attribute's value once default classes apply, or empty when neither the element nor a class sets it. */
    public Optional<String> attribute(String attribute) {
        ModelIndex.Resolved r = model.index().effective(node, attribute);
        return r == null ? Optional.empty() : Optional.of(r.value());
    }

    /**
     * A numeric array attribute as MuJoCo holds it: {@code initial}, overwritten value by value by each default
     * class from {@code main} down to the element's class, then by the element (a box with {@code size="2"} under a
     * class with {@code size="1 1 1"} is 2 1 1).
     *
     * @throws MjcfReadException when a layer is not a list of numbers, naming the element's file and line
     */
    public double[] numbers(String attribute, double... initial) throws MjcfReadException {
        double[] v = model.index().merged(node, attribute, initial);
        if (v == null) {
            throw new MjcfReadException(location() + ": attribute '" + attribute + "' of " + node.describe()
                    + " (or of its default class) is not a list of numbers");
        }
        return v;
    }

    /** The child elements in document order, includes already expanded. */
    public List<MjcfElement> children() {
        return node.children.stream().map(c -> new MjcfElement(c, model)).toList();
    }

    /**
     * The schema element id: the tag, except where one tag means different elements by context ("joint" in a body,
     * "fixed_joint" in a fixed tendon, "equality_joint" in an equality section; "sensor_contact", ...).
     */
    public String kind() {
        return node.def == null ? node.tag : node.def.id();
    }

    /** {@code geom 'arm'}, or {@code geom} when unnamed. */
    public String describe() {
        return node.describe();
    }

    public Optional<MjcfElement> parent() {
        return Optional.ofNullable(node.parent).map(model::wrap);
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
        return attribute(attribute).orElse(null);
    }

    public String attr(String attribute, String fallback) {
        return attribute(attribute).orElse(fallback);
    }

    /** Whether the element or one of its default classes sets the attribute. */
    public boolean has(String attribute) {
        return attribute(attribute).isPresent();
    }

    /** The attribute's numbers once default classes apply, or null when unset (or not numbers). */
    public double[] reals(String attribute) {
        return MjcfValues.reals(attr(attribute));
    }

    /** As {@link #numbers}, but {@code initial} (copied) when a layer is not numbers: for models already validated. */
    public double[] reals(String attribute, double[] initial) {
        double[] v = model.index().merged(node, attribute, initial);
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
        return "<" + node.tag + "> at " + location();
    }
}
