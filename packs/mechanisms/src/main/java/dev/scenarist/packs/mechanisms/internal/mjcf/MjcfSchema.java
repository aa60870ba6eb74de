package dev.scenarist.packs.mechanisms.internal.mjcf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * MuJoCo's MJCF grammar as data: elements, their allowed children with multiplicity, and typed attributes.
 *
 * <p>Loaded from {@code /mjcf/mjcf-schema.json}, which is derived from MuJoCo's own schema
 * ({@code google-deepmind/mujoco src/xml/mjcf.schema}, Apache-2.0) and cross-checked against the table compiled into
 * MuJoCo 3.14.0; see that file's {@code source} field and {@code src/test/resources/mjcf/schema-source/}.
 *
 * <p>Element ids are unique; one XML tag can stand for different elements by context (a {@code joint} in a body,
 * in a fixed tendon, in an equality section, in a default class), so children are resolved through their parent.
 */
public final class MjcfSchema {

    /** Attribute value types. */
    public enum AttrType { STRING, INT, REAL, BOOL, KEYWORD, FLAGS, FILE, CHARS }

    /**
     * One attribute.
     *
     * @param minCount  for arrays the fewest values, for {@code chars} the fewest characters; 1 for scalars
     * @param maxCount  the most values (or characters); -1 unbounded; 1 for scalars
     * @param array     whether the attribute holds a whitespace-separated list
     * @param enumName  the keyword set of a {@code keyword} or {@code flags} attribute, else null
     * @param declares  the namespace this attribute declares the element's name into ({@code name : id<body>}), or null
     * @param refers    the namespace whose names this attribute refers to ({@code mesh : ref<mesh>}), or null
     * @param positive  every value must be greater than zero
     */
    public record Attr(String name, AttrType type, int minCount, int maxCount, boolean array, String enumName,
                       String declares, String refers, boolean required, boolean positive) {}

    /** One allowed child: its tag, the element id it resolves to, and its multiplicity (! ? * R). */
    public record Child(String tag, String element, char card) {
        public boolean unique() {
            return card == '?' || card == '!';
        }
    }

    /** A presence rule over attributes; a bundle {@code a+b} counts as present when any of its attributes is. */
    public record Constraint(String kind, List<List<String>> bundles) {}

    /**
     * One element.
     *
     * @param projectionOf for an element inside {@code <default>}: the element id whose attributes it sets defaults for
     */
    public record Element(String id, String tag, Map<String, Attr> attrs, Map<String, Child> children,
                          List<Constraint> constraints, String projectionOf) {
        public Optional<Attr> attr(String name) {
            return Optional.ofNullable(attrs.get(name));
        }

        public Optional<Child> child(String tag) {
            return Optional.ofNullable(children.get(tag));
        }
    }

    private static final String RESOURCE = "/mjcf/mjcf-schema.json";
    private static volatile MjcfSchema bundled;

    private final String root;
    private final Map<String, Element> elements;
    private final Map<String, List<String>> enums;
    private final Map<String, String> source;

    private MjcfSchema(String root, Map<String, Element> elements, Map<String, List<String>> enums,
                       Map<String, String> source) {
        this.root = root;
        this.elements = Collections.unmodifiableMap(elements);
        this.enums = Collections.unmodifiableMap(enums);
        this.source = Collections.unmodifiableMap(source);
    }

    /** The schema bundled with this pack (parsed once). */
    public static MjcfSchema bundled() {
        MjcfSchema s = bundled;
        if (s == null) {
            synchronized (MjcfSchema.class) {
                s = bundled;
                if (s == null) {
                    try (InputStream in = MjcfSchema.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        s = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                    bundled = s;
                }
            }
        }
        return s;
    }

    /** Reads a schema document in the format of {@code mjcf-schema.json}. */
    public static MjcfSchema read(InputStream in) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(in);
        Map<String, List<String>> enums = new LinkedHashMap<>();
        doc.path("enums").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            enums.put(e.getKey(), List.copyOf(values));
        });
        Map<String, Element> elements = new LinkedHashMap<>();
        doc.path("elements").properties().forEach(e -> elements.put(e.getKey(), element(e.getKey(), e.getValue())));
        for (Element el : elements.values()) {
            for (Child c : el.children().values()) {
                if (!elements.containsKey(c.element())) {
                    throw new IOException("element '" + el.id() + "' names unknown child element '" + c.element() + "'");
                }
            }
            for (Attr a : el.attrs().values()) {
                if (a.enumName() != null && !enums.containsKey(a.enumName())) {
                    throw new IOException("attribute '" + a.name() + "' of '" + el.id() + "' names unknown keyword set '"
                            + a.enumName() + "'");
                }
            }
        }
        Map<String, String> source = new LinkedHashMap<>();
        doc.path("source").properties().forEach(e -> {
            if (e.getValue().isValueNode()) {
                source.put(e.getKey(), e.getValue().asText());
            }
        });
        String root = doc.path("root").asText("mujoco");
        if (!elements.containsKey(root)) {
            throw new IOException("root element '" + root + "' is not defined");
        }
        return new MjcfSchema(root, elements, enums, source);
    }

    private static Element element(String id, JsonNode n) {
        Map<String, Attr> attrs = new LinkedHashMap<>();
        n.path("attrs").properties().forEach(e -> attrs.put(e.getKey(), attr(e.getKey(), e.getValue())));
        Map<String, Child> children = new LinkedHashMap<>();
        for (JsonNode c : n.path("children")) {
            String tag = c.path("tag").asText();
            children.put(tag, new Child(tag, c.path("element").asText(), c.path("card").asText("*").charAt(0)));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (JsonNode c : n.path("constraints")) {
            List<List<String>> bundles = new ArrayList<>();
            for (JsonNode b : c.path("bundles")) {
                List<String> names = new ArrayList<>();
                b.forEach(x -> names.add(x.asText()));
                bundles.add(List.copyOf(names));
            }
            constraints.add(new Constraint(c.path("kind").asText(), List.copyOf(bundles)));
        }
        String projectionOf = n.hasNonNull("projectionOf") ? n.get("projectionOf").asText() : null;
        return new Element(id, n.path("tag").asText(id), Collections.unmodifiableMap(attrs),
                Collections.unmodifiableMap(children), List.copyOf(constraints), projectionOf);
    }

    private static Attr attr(String name, JsonNode n) {
        AttrType type = AttrType.valueOf(n.path("type").asText("string").toUpperCase(java.util.Locale.ROOT));
        boolean array = n.has("count");
        int min = array ? n.path("count").get(0).asInt() : 1;
        int max = array ? n.path("count").get(1).asInt() : 1;
        return new Attr(name, type, min, max, array && type != AttrType.CHARS, text(n, "enum"), text(n, "id"),
                text(n, "ref"), n.path("required").asBoolean(false), n.path("positive").asBoolean(false));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    public Element root() {
        return elements.get(root);
    }

    public Element element(String id) {
        return Objects.requireNonNull(elements.get(id), () -> "no element '" + id + "'");
    }

    public Map<String, Element> elements() {
        return elements;
    }

    public List<String> keywords(String enumName) {
        return enums.getOrDefault(enumName, List.of());
    }

    /** Where the schema came from: repository, path, commit, license, cross-check. */
    public Map<String, String> source() {
        return source;
    }

    /** Every element id whose XML tag is {@code tag} (to say where a misplaced element belongs). */
    public Set<String> parentsOfTag(String tag) {
        Set<String> parents = new TreeSet<>();
        for (Element e : elements.values()) {
            if (e.children().containsKey(tag)) {
                parents.add(e.tag());
            }
        }
        return parents;
    }
}
