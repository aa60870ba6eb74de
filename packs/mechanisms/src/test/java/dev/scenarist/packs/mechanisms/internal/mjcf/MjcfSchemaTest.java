package dev.scenarist.packs.mechanisms.internal.mjcf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfSchema.Attr;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfSchema.AttrType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The bundled schema resource: where it comes from, and that it agrees with the table inside MuJoCo 3.14.0. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MjcfSchemaTest {
    private final MjcfSchema schema = MjcfSchema.bundled();

    @Test
    void the_bundled_schema_names_its_source_repository_path_commit_and_license() {
        assertThat(schema.source()).containsEntry("repository", "google-deepmind/mujoco")
                .containsEntry("path", "src/xml/mjcf.schema")
                .containsEntry("commit", "05100638229cea8685635dfea356d0c18e951d2f");
        assertThat(schema.source().get("license")).startsWith("Apache-2.0");
        assertThat(schema.source().get("crossCheckedAgainst")).contains("MuJoCo 3.14.0");
    }

    /** A node of MuJoCo's own printed schema ({@code mujoco.mj_printSchema(False, False)} in the 3.14.0 wheel). */
    private record Printed(String tag, boolean world, char card, List<String> attrs, List<Printed> children) {}

    private static Printed printedSchema() throws Exception {
        String text;
        try (InputStream in = MjcfSchemaTest.class.getResourceAsStream("/mjcf/schema-source/mj_printSchema-3.14.0.txt")) {
            assertThat(in).as("printed MuJoCo 3.14.0 schema in test resources").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Pattern row = Pattern.compile("^( *)(\\(world\\))?(\\w+) \\(([!?*R])\\)\\s*(.*)$");
        Deque<Printed> stack = new ArrayDeque<>();
        List<Integer> depths = new ArrayList<>();
        Printed root = null;
        Printed current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = row.matcher(line);
            if (m.matches()) {
                int depth = m.group(1).length() / 3;
                Printed p = new Printed(m.group(3), m.group(2) != null, m.group(4).charAt(0),
                        new ArrayList<>(Arrays.asList(m.group(5).trim().isEmpty() ? new String[0]
                                : m.group(5).trim().split("\\s+"))), new ArrayList<>());
                while (depths.size() > depth) {
                    depths.remove(depths.size() - 1);
                    stack.pop();
                }
                if (stack.isEmpty()) {
                    root = p;
                } else {
                    stack.peek().children().add(p);
                }
                stack.push(p);
                depths.add(depth);
                current = p;
            } else {
                current.attrs().addAll(Arrays.asList(line.trim().split("\\s+")));
            }
        }
        return root;
    }

    @Test
    void every_element_and_attribute_matches_the_table_compiled_into_mujoco_3_14_0() throws Exception {
        List<String> problems = new ArrayList<>();
        compare(printedSchema(), schema.root(), "mujoco", problems);
        assertThat(problems).isEmpty();
    }

    private void compare(Printed printed, MjcfSchema.Element element, String path, List<String> problems) {
        // MuJoCo's table admits body attributes on <worldbody> (its reader then rejects them); we reject them here
        MjcfSchema.Element attrSource = element.id().equals("worldbody") ? schema.element("body") : element;
        Set<String> want = new TreeSet<>(printed.attrs());
        Set<String> have = new TreeSet<>(attrSource.attrs().keySet());
        if (!want.equals(have)) {
            problems.add(path + ": MuJoCo " + want + " vs schema " + have);
        }
        MjcfSchema.Element childSource = element.id().equals("worldbody") ? schema.element("body") : element;
        for (Printed c : printed.children()) {
            String tag = c.world() ? "worldbody" : c.tag();
            MjcfSchema.Child child = childSource.children().get(tag);
            if (child == null) {
                problems.add(path + "/" + tag + ": missing");
                continue;
            }
            if (!c.world() && child.card() != c.card()) {
                problems.add(path + "/" + tag + ": multiplicity " + c.card() + " in MuJoCo, " + child.card() + " here");
            }
            compare(c, schema.element(child.element()), path + "/" + tag, problems);
        }
    }

    @Test
    void keyword_sets_are_mujocos() {
        Attr jointType = schema.element("joint").attrs().get("type");
        assertThat(jointType.type()).isEqualTo(AttrType.KEYWORD);
        assertThat(schema.keywords(jointType.enumName())).containsExactlyInAnyOrder("hinge", "slide", "ball", "free");
        assertThat(schema.keywords(schema.element("geom").attrs().get("type").enumName())).containsExactly(
                "plane", "hfield", "sphere", "capsule", "ellipsoid", "cylinder", "box", "mesh", "sdf");
        assertThat(schema.element("body").attrs().get("mocap").type()).isEqualTo(AttrType.BOOL);
    }

    @Test
    void array_lengths_are_typed() {
        MjcfSchema.Element geom = schema.element("geom");
        assertThat(geom.attrs().get("axisangle")).extracting(Attr::minCount, Attr::maxCount).containsExactly(4, 4);
        assertThat(geom.attrs().get("size")).extracting(Attr::minCount, Attr::maxCount).containsExactly(1, 3);
        assertThat(geom.attrs().get("solref")).extracting(Attr::minCount, Attr::maxCount).containsExactly(1, 2);
        assertThat(geom.attrs().get("user")).extracting(Attr::minCount, Attr::maxCount).containsExactly(0, -1);
        assertThat(schema.element("general").attrs().get("gainprm").maxCount()).isEqualTo(10);
        assertThat(geom.attrs().get("mass")).extracting(Attr::array, Attr::type).containsExactly(false, AttrType.REAL);
        assertThat(schema.element("compiler").attrs().get("eulerseq")).extracting(Attr::type, Attr::minCount)
                .containsExactly(AttrType.CHARS, 3);
    }

    @Test
    void names_declare_and_references_resolve_in_namespaces() {
        assertThat(schema.element("geom").attrs().get("name").declares()).isEqualTo("geom");
        assertThat(schema.element("geom").attrs().get("mesh").refers()).isEqualTo("mesh");
        assertThat(schema.element("freejoint").attrs().get("name").declares()).isEqualTo("joint");
        assertThat(schema.element("motor").attrs().get("tendon").refers()).isEqualTo("tendon");
        assertThat(schema.element("exclude").attrs().get("body1")).extracting(Attr::refers, Attr::required)
                .containsExactly("body", true);
    }

    @Test
    void elements_inside_default_classes_take_no_names_classes_or_per_object_attributes() {
        MjcfSchema.Element defaultGeom = schema.element(schema.element("default").children().get("geom").element());
        assertThat(defaultGeom.projectionOf()).isEqualTo("geom");
        assertThat(defaultGeom.attrs()).doesNotContainKeys("name", "class").containsKeys("size", "material", "rgba");
        MjcfSchema.Element defaultCamera = schema.element(schema.element("default").children().get("camera").element());
        assertThat(defaultCamera.attrs()).doesNotContainKey("target");
    }

    @Test
    void one_tag_resolves_by_context() {
        assertThat(schema.element("body").children().get("joint").element()).isEqualTo("joint");
        assertThat(schema.element("fixed").children().get("joint").element()).isEqualTo("fixed_joint");
        assertThat(schema.element("equality").children().get("joint").element()).isEqualTo("equality_joint");
        assertThat(schema.element("fixed_joint").attrs().get("coef").required()).isTrue();
    }
}
