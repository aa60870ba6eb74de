package dev.scenarist.packs.mechanisms.mjcf;

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

    @Override
    public String toString() {
        return "<" + node.tag + "> at " + location();
    }
}
