package dev.scenarist.packs.mechanisms.internal.mjcf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One focused model per rule: what is rejected, with which code, message, line and hint; and what passes.
 *
 * <p>Long on purpose: one short test per validator rule, grouped in nested classes by rule family, reads better as
 * one list than spread over files that would each need the same fixtures.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MjcfValidatorTest {
    private static final MjcfValidator VALIDATOR = new MjcfValidator();

    @TempDir
    Path dir;

    /** A body that moves and has mass: joint plus a sphere. */
    private static final String ARM = "<body name=\"arm\"><joint name=\"hinge\"/><geom name=\"ball\" size=\"0.1\"/>"
            + "<site name=\"tip\"/></body>";

    private List<Finding> validate(String xml) throws Exception {
        Path file = dir.resolve("model.xml");
        Files.writeString(file, xml);
        return VALIDATOR.validate(file);
    }

    private List<Finding> world(String worldbodyContent) throws Exception {
        return validate("<mujoco>\n<worldbody>\n" + worldbodyContent + "\n</worldbody>\n</mujoco>\n");
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }

    private static ListAssert<Finding> assertErrors(List<Finding> findings) {
        return assertThat(errors(findings));
    }

    /** Exactly one error, with this code, a message containing {@code phrase}, at model.xml:{@code line}. */
    private static Finding onlyError(List<Finding> findings, String code, String phrase, int line) {
        assertErrors(findings).hasSize(1);
        Finding f = errors(findings).get(0);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.message()).contains(phrase);
        assertThat(f.location()).isEqualTo("model.xml:" + line);
        assertThat(f.hint()).isNotBlank();
        return f;
    }

    static byte[] binaryStlTetrahedron() {
        float[][][] tris = {
            {{0, 0, 0}, {0, 1, 0}, {1, 0, 0}}, {{0, 0, 0}, {1, 0, 0}, {0, 0, 1}},
            {{0, 0, 0}, {0, 0, 1}, {0, 1, 0}}, {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * tris.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("binary STL written by a test".getBytes(StandardCharsets.US_ASCII));
        b.position(80);
        b.putInt(tris.length);
        for (float[][] t : tris) {
            b.putFloat(0).putFloat(0).putFloat(0);
            for (float[] v : t) {
                b.putFloat(v[0]).putFloat(v[1]).putFloat(v[2]);
            }
            b.putShort((short) 0);
        }
        return b.array();
    }

    static String asciiStlTetrahedron() {
        return """
                solid tetra
                  facet normal 0 0 -1
                    outer loop
                      vertex 0 0 0
                      vertex 0 1 0
                      vertex 1 0 0
                    endloop
                  endfacet
                endsolid tetra
                """;
    }

    @Nested
    class Valid_models {
        @Test
        void a_small_complete_scene_passes_with_no_finding() throws Exception {
            List<Finding> f = validate("""
                    <mujoco model="lever">
                      <compiler angle="radian"/>
                      <option timestep="0.002" gravity="0 0 -9.81"/>
                      <default>
                        <default class="part"><geom rgba="0.8 0.3 0.3 1" density="500"/></default>
                      </default>
                      <asset>
                        <material name="steel" rgba="0.6 0.6 0.6 1"/>
                      </asset>
                      <worldbody>
                        <geom name="floor" type="plane" size="0 0 0.05"/>
                        <body name="lever" pos="0 0 0.5" childclass="part">
                          <joint name="pivot" type="hinge" axis="0 1 0" range="-1 1"/>
                          <geom name="beam" type="box" size="0.5 0.05 0.02" material="steel"/>
                          <site name="end" pos="0.5 0 0"/>
                        </body>
                        <body name="puck" pos="0.3 0 1">
                          <freejoint/>
                          <geom type="cylinder" size="0.05 0.02"/>
                        </body>
                      </worldbody>
                      <actuator><motor name="drive" joint="pivot" ctrlrange="-1 1"/></actuator>
                      <sensor><touch site="end"/><jointpos joint="pivot"/></sensor>
                    </mujoco>
                    """);
            assertThat(f).isEmpty();
        }

        @Test
        void check_passes_a_valid_file_and_fails_an_invalid_one() throws Exception {
            Path good = dir.resolve("good.xml");
            Files.writeString(good, "<mujoco><worldbody>" + ARM + "</worldbody></mujoco>");
            Path bad = dir.resolve("bad.xml");
            Files.writeString(bad, "<mujoco><worldbody><geom size=\"1\" quat=\"0 0 0 0\"/></worldbody></mujoco>");
            assertThat(VALIDATOR.check(good)).isInstanceOf(CheckResult.Passed.class);
            assertThat(VALIDATOR.check(bad)).isInstanceOf(CheckResult.Failed.class);
        }

        @Test
        void text_without_a_folder_is_checked_but_its_files_are_not() {
            List<Finding> f = VALIDATOR.validate("<mujoco><asset><mesh file=\"part.stl\"/></asset><worldbody/></mujoco>",
                    "scene.xml", null);
            assertErrors(f).isEmpty();
            assertThat(f).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(MjcfValidator.ASSET_FILE);
                assertThat(w.message()).contains("was not checked");
            });
        }
    }

    @Nested
    class Xml_parsing {
        @Test
        void malformed_xml_is_reported_at_its_line() throws Exception {
            List<Finding> f = validate("<mujoco>\n<worldbody>\n<geom size=\"1\">\n</worldbody>\n</mujoco>\n");
            Finding e = onlyError(f, MjcfValidator.XML, "malformed XML", 4);
            assertThat(e.message()).contains("geom");
        }

        @Test
        void a_doctype_is_rejected_and_external_entities_are_never_read() throws Exception {
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "TOP-SECRET");
            List<Finding> f = validate("<?xml version=\"1.0\"?>\n<!DOCTYPE mujoco [<!ENTITY x SYSTEM \"" + secret.toUri()
                    + "\">]>\n<mujoco model=\"&x;\"><worldbody/></mujoco>\n");
            assertErrors(f).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(MjcfValidator.XML);
                assertThat(e.message()).containsIgnoringCase("DOCTYPE").doesNotContain("TOP-SECRET");
            });
        }

        @Test
        void an_element_spanning_lines_is_located_at_its_opening_bracket() throws Exception {
            List<Finding> f = validate("<mujoco>\n<worldbody>\n  <geom\n     size=\"1\"\n     quat=\"0 0 0 0\"/>\n"
                    + "</worldbody>\n</mujoco>\n");
            onlyError(f, MjcfValidator.ORIENTATION, "zero quaternion is not allowed", 3);
        }

        @Test
        void text_inside_an_element_is_a_warning() throws Exception {
            List<Finding> f = world("<geom size=\"1\">radius one</geom>");
            assertErrors(f).isEmpty();
            assertThat(f).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(MjcfValidator.STRAY_TEXT);
                assertThat(w.message()).contains("radius one");
            });
        }

        @Test
        void the_root_must_be_mujoco() throws Exception {
            onlyError(validate("<robot>\n<link/>\n</robot>\n"), MjcfValidator.ROOT, "root element is <robot>", 1);
        }
    }

    @Nested
    class Elements {
        @Test
        void an_unknown_element_is_named_with_a_suggestion() throws Exception {
            Finding e = onlyError(world(ARM.replace("<site name=\"tip\"/>", "<sit name=\"tip\"/>")),
                    MjcfValidator.UNKNOWN_ELEMENT, "unrecognized element 'sit' in <body>", 3);
            assertThat(e.hint()).contains("did you mean 'site'?");
        }

        @Test
        void an_element_in_the_wrong_parent_says_where_it_belongs() throws Exception {
            List<Finding> f = validate("<mujoco>\n<asset>\n<body/>\n</asset>\n<worldbody/>\n</mujoco>\n");
            Finding e = onlyError(f, MjcfValidator.MISPLACED_ELEMENT, "element <body> is not allowed inside <asset>", 3);
            assertThat(e.hint()).contains("<worldbody>");
        }

        @Test
        void a_unique_element_repeated_is_reported_at_its_parent_like_mujoco() throws Exception {
            List<Finding> f = validate("<mujoco>\n<option>\n<flag gravity=\"disable\"/>\n<flag contact=\"disable\"/>\n"
                    + "</option>\n<worldbody/>\n</mujoco>\n");
            Finding e = onlyError(f, MjcfValidator.REPEATED_ELEMENT, "unique element 'flag' found 2 times", 2);
            assertThat(e.message()).contains("line 3", "line 4");
        }

        @Test
        void joints_directly_in_the_world_body_are_rejected() throws Exception {
            onlyError(world("<joint name=\"j\"/>"), MjcfValidator.WORLD_BODY, "world body cannot have joints", 3);
            onlyError(world("<frame><joint name=\"j\"/></frame>"), MjcfValidator.WORLD_BODY,
                    "world body cannot have joints", 3);
        }
    }

    @Nested
    class Attributes {
        @Test
        void an_unknown_attribute_is_named_with_a_suggestion() throws Exception {
            Finding e = onlyError(world("<geom size=\"1\" rbga=\"1 0 0 1\"/>"), MjcfValidator.UNKNOWN_ATTRIBUTE,
                    "unrecognized attribute 'rbga' in <geom>", 3);
            assertThat(e.hint()).startsWith("did you mean 'rgba'?");
        }

        @Test
        void a_name_inside_a_default_class_is_rejected_with_the_reason() throws Exception {
            List<Finding> f = validate("<mujoco>\n<default>\n<geom name=\"g\" size=\"1\"/>\n</default>\n"
                    + "<worldbody/>\n</mujoco>\n");
            onlyError(f, MjcfValidator.UNKNOWN_ATTRIBUTE, "attribute 'name' cannot be set in a default class <geom>", 3);
        }

        @Test
        void a_required_attribute_missing_is_named() throws Exception {
            onlyError(world("<body><joint/><inertial mass=\"1\" diaginertia=\"1 1 1\"/></body>"),
                    MjcfValidator.MISSING_ATTRIBUTE, "required attribute missing: 'pos' in <inertial>", 3);
        }

        @Test
        void an_array_with_too_many_values_says_how_many_it_takes() throws Exception {
            Finding e = onlyError(world("<geom size=\"1\" axisangle=\"1 0 0 0 1\"/>"), MjcfValidator.ARRAY_LENGTH,
                    "attribute 'axisangle' has too much data", 3);
            assertThat(e.message()).contains("5 values", "exactly 4");
        }

        @Test
        void an_array_with_too_few_values_says_how_many_it_needs() throws Exception {
            onlyError(world("<body pos=\"1 2\">" + ARM + "</body>"), MjcfValidator.ARRAY_LENGTH,
                    "attribute 'pos' does not have enough data: 2 values in <body>, expects exactly 3", 3);
        }

        @Test
        void numbers_must_parse_as_c_numbers() throws Exception {
            onlyError(world("<body pos=\"1, 2, 3\">" + ARM + "</body>"), MjcfValidator.BAD_VALUE,
                    "bad format in attribute 'pos' of <body>: '1,' is not a number", 3);
            onlyError(world("<body><joint group=\"1.5\"/><geom size=\"1\"/></body>"), MjcfValidator.BAD_VALUE,
                    "'1.5' is not an integer", 3);
            onlyError(world("<geom size=\"1f\"/>"), MjcfValidator.BAD_VALUE, "'1f' is not a number", 3);
            assertThat(world("<geom size=\"0x1p-3\" pos=\"+.5 1. 1e-2\"/>")).as("C number syntax, as strtod reads it")
                    .isEmpty();
        }

        @Test
        void keywords_come_from_their_set() throws Exception {
            Finding joint = onlyError(world("<body><joint type=\"hing\"/><geom size=\"1\"/></body>"),
                    MjcfValidator.BAD_KEYWORD, "invalid keyword: 'hing' in attribute 'type' of <joint>", 3);
            assertThat(joint.hint()).contains("did you mean 'hinge'?", "free, ball, slide, hinge");
            Finding geom = onlyError(world("<geom type=\"cube\" size=\"1 1 1\"/>"), MjcfValidator.BAD_KEYWORD,
                    "invalid keyword: 'cube'", 3);
            assertThat(geom.hint()).contains("plane, hfield, sphere, capsule, ellipsoid, cylinder, box, mesh, sdf");
        }

        @Test
        void booleans_are_true_or_false() throws Exception {
            Finding e = onlyError(world("<body mocap=\"yes\"><geom size=\"1\"/></body>"), MjcfValidator.BAD_KEYWORD,
                    "invalid keyword: 'yes' in attribute 'mocap'", 3);
            assertThat(e.hint()).isEqualTo("use true or false");
        }

        @Test
        void a_nan_is_an_error_and_a_strictly_positive_value_must_be_positive() throws Exception {
            onlyError(world("<geom size=\"1\" pos=\"nan 0 0\"/>"), MjcfValidator.NON_FINITE, "holds NaN", 3);
            onlyError(validate("<mujoco>\n<visual><map znear=\"0\"/></visual>\n<worldbody/>\n</mujoco>"),
                    MjcfValidator.BAD_VALUE, "znear must be strictly positive", 2);
        }

        @Test
        void only_one_orientation_specifier_is_allowed() throws Exception {
            onlyError(world("<geom size=\"1\" quat=\"1 0 0 0\" euler=\"0 0 90\"/>"), MjcfValidator.ATTRIBUTE_CONFLICT,
                    "multiple orientation specifiers are not allowed in <geom> (found 'quat', 'euler')", 3);
        }

        @Test
        void presence_rules_between_attributes_hold() throws Exception {
            onlyError(world("<light directional=\"true\" type=\"spot\"/>"), MjcfValidator.ATTRIBUTE_CONFLICT,
                    "at most one of 'directional', 'type' can be specified", 3);
            List<Finding> f = validate("<mujoco>\n<worldbody>" + ARM + "</worldbody>\n<equality>\n"
                    + "<connect body1=\"arm\"/>\n</equality>\n</mujoco>\n");
            onlyError(f, MjcfValidator.MISSING_ATTRIBUTE, "one of ('site1', 'site2'), ('body1', 'anchor') must be "
                    + "specified", 4);
        }
    }

    @Nested
    class Default_classes {
        @Test
        void a_repeated_class_name_is_reported_at_the_second_definition() throws Exception {
            List<Finding> f = validate("<mujoco>\n<default>\n<default class=\"a\"/>\n<default class=\"a\"/>\n"
                    + "</default>\n<worldbody/>\n</mujoco>\n");
            Finding e = onlyError(f, MjcfValidator.DEFAULT_CLASS, "repeated default class name 'a'", 4);
            assertThat(e.message()).contains("first defined at model.xml:3");
        }

        @Test
        void an_unknown_class_or_childclass_is_reported_with_the_defined_ones() throws Exception {
            String defaults = "<mujoco>\n<default>\n<default class=\"metal\"><geom size=\"1\"/></default>\n</default>\n";
            Finding e = onlyError(validate(defaults + "<worldbody>\n<geom class=\"metl\"/>\n</worldbody>\n</mujoco>"),
                    MjcfValidator.DEFAULT_CLASS, "unknown default class name 'metl' in <geom>", 6);
            assertThat(e.hint()).contains("did you mean 'metal'?");
            onlyError(validate(defaults + "<worldbody>\n<body childclass=\"wood\"><geom size=\"1\"/></body>\n"
                    + "</worldbody>\n</mujoco>"), MjcfValidator.DEFAULT_CLASS, "unknown default childclass 'wood'", 6);
        }

        @Test
        void the_top_level_class_is_main_and_nested_classes_need_a_name() throws Exception {
            onlyError(validate("<mujoco>\n<default class=\"top\"/>\n<worldbody/>\n</mujoco>"),
                    MjcfValidator.DEFAULT_CLASS, "top-level default class 'top' cannot be renamed", 2);
            onlyError(validate("<mujoco>\n<default>\n<default><geom size=\"1\"/></default>\n</default>\n"
                    + "<worldbody/>\n</mujoco>"), MjcfValidator.DEFAULT_CLASS, "empty class name", 3);
        }

        @Test
        void values_from_classes_apply_and_partial_sizes_keep_the_class_values() throws Exception {
            List<Finding> f = validate("""
                    <mujoco>
                      <default>
                        <default class="brick"><geom type="box" size="0.1 0.1 0.1"/></default>
                      </default>
                      <worldbody>
                        <body childclass="brick"><joint/><geom size="0.2"/></body>
                      </worldbody>
                    </mujoco>
                    """);
            assertThat(f).isEmpty();
        }

        @Test
        void a_bad_value_inherited_from_a_class_points_at_the_class() throws Exception {
            List<Finding> f = validate("<mujoco>\n<default>\n<default class=\"flat\"><geom type=\"box\" "
                    + "size=\"1 1 0\"/></default>\n</default>\n<worldbody>\n<geom class=\"flat\"/>\n</worldbody>\n</mujoco>");
            Finding e = onlyError(f, MjcfValidator.GEOM_SIZE, "size 2 must be positive", 6);
            assertThat(e.message()).contains("default class at model.xml:3");
        }
    }

    @Nested
    class Names_and_references {
        @Test
        void a_repeated_name_in_one_kind_is_an_error_across_kinds_it_is_not() throws Exception {
            Finding e = onlyError(world("<geom name=\"g\" size=\"1\"/>\n<geom name=\"g\" size=\"1\"/>"),
                    MjcfValidator.REPEATED_NAME, "repeated name 'g' in geom", 4);
            assertThat(e.message()).contains("first declared at model.xml:3");
            assertThat(world("<body name=\"x\"><joint name=\"x\"/><geom name=\"x\" size=\"1\"/>"
                    + "<site name=\"x\"/></body>")).isEmpty();
        }

        @Test
        void the_world_body_name_is_taken() throws Exception {
            onlyError(world("<body name=\"world\"><geom size=\"1\"/></body>"), MjcfValidator.REPEATED_NAME,
                    "repeated name 'world' in body", 3);
        }

        @Test
        void every_reference_resolves_with_a_suggestion() throws Exception {
            List<Finding> f = validate("<mujoco>\n<asset><material name=\"steel\"/></asset>\n<worldbody>\n"
                    + "<geom size=\"1\" material=\"stel\"/>\n</worldbody>\n</mujoco>\n");
            Finding e = onlyError(f, MjcfValidator.UNKNOWN_REFERENCE, "material 'stel' not found", 4);
            assertThat(e.hint()).contains("did you mean 'steel'?");
        }

        @Test
        void actuators_sensors_equalities_and_exclusions_refer_to_declared_objects() throws Exception {
            List<Finding> f = validate("<mujoco>\n<worldbody>" + ARM + "</worldbody>\n"
                    + "<actuator><motor joint=\"hinj\"/></actuator>\n"
                    + "<sensor><touch site=\"tipp\"/></sensor>\n"
                    + "<equality><weld body1=\"armm\"/></equality>\n"
                    + "<contact><exclude body1=\"world\" body2=\"ar\"/></contact>\n"
                    + "<sensor><framepos objtype=\"geom\" objname=\"bal\"/></sensor>\n"
                    + "</mujoco>\n");
            assertErrors(f).extracting(Finding::message, Finding::location).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("joint 'hinj' not found: attribute 'joint' of motor refers to "
                            + "it", "model.xml:3"),
                    org.assertj.core.groups.Tuple.tuple("site 'tipp' not found: attribute 'site' of touch refers to it",
                            "model.xml:4"),
                    org.assertj.core.groups.Tuple.tuple("body 'armm' not found: attribute 'body1' of weld refers to it",
                            "model.xml:5"),
                    org.assertj.core.groups.Tuple.tuple("body 'ar' not found: attribute 'body2' of exclude refers to it",
                            "model.xml:6"),
                    org.assertj.core.groups.Tuple.tuple("geom 'bal' not found: attribute 'objname' of framepos refers "
                            + "to it", "model.xml:7"));
        }

        @Test
        void a_reference_set_by_a_default_class_is_followed() throws Exception {
            List<Finding> f = validate("<mujoco>\n<default><geom material=\"paint\"/></default>\n<worldbody>\n"
                    + "<geom size=\"1\"/>\n</worldbody>\n</mujoco>\n");
            Finding e = onlyError(f, MjcfValidator.UNKNOWN_REFERENCE, "material 'paint' not found", 4);
            assertThat(e.message()).contains("set by default class at model.xml:2");
        }

        @Test
        void an_actuator_needs_a_transmission_target() throws Exception {
            List<Finding> f = validate("<mujoco>\n<worldbody>" + ARM + "</worldbody>\n<actuator>\n"
                    + "<motor name=\"m\"/>\n</actuator>\n</mujoco>\n");
            onlyError(f, MjcfValidator.TRANSMISSION, "missing transmission target for actuator motor 'm'", 4);
        }

        @Test
        void generated_names_make_unresolved_references_warnings() throws Exception {
            List<Finding> f = validate("<mujoco>\n<worldbody>\n<replicate count=\"3\" offset=\"1 0 0\">" + ARM
                    + "</replicate>\n</worldbody>\n<sensor><jointpos joint=\"hinge1\"/></sensor>\n</mujoco>\n");
            assertErrors(f).isEmpty();
            assertThat(f).anySatisfy(w -> assertThat(w.message()).contains("joint 'hinge1' not found",
                    "generates names"));
        }
    }

    @Nested
    class Geometry {
        @Test
        void each_geom_type_needs_its_number_of_positive_sizes() throws Exception {
            onlyError(world("<geom type=\"sphere\"/>"), MjcfValidator.GEOM_SIZE, "size 0 must be positive", 3);
            onlyError(world("<geom type=\"capsule\" size=\"0.1\"/>"), MjcfValidator.GEOM_SIZE,
                    "size 1 must be positive", 3);
            onlyError(world("<geom type=\"cylinder\" size=\"0.1 0\"/>"), MjcfValidator.GEOM_SIZE,
                    "size 1 must be positive", 3);
            onlyError(world("<geom type=\"box\" size=\"1 1\"/>"), MjcfValidator.GEOM_SIZE,
                    "size 2 must be positive in geom: geom of type box needs 3 size values", 3);
            onlyError(world("<geom type=\"ellipsoid\" size=\"1 -1 1\"/>"), MjcfValidator.GEOM_SIZE,
                    "size 1 must be positive", 3);
            onlyError(world("<geom type=\"plane\" size=\"1 1\"/>"), MjcfValidator.GEOM_SIZE,
                    "plane size(3) must be positive", 3);
            assertThat(world("<geom type=\"plane\" size=\"0 0 1\"/><geom type=\"capsule\" size=\"0.1\" "
                    + "fromto=\"0 0 0 0 0 1\"/><geom type=\"box\" size=\"0.1\" fromto=\"0 0 0 1 0 0\"/>")).isEmpty();
        }

        @Test
        void fromto_is_only_for_elongated_shapes_and_not_with_pos() throws Exception {
            onlyError(world("<geom type=\"sphere\" size=\"1\" fromto=\"0 0 0 1 0 0\"/>"), MjcfValidator.GEOM_SIZE,
                    "fromto requires capsule, cylinder, box or ellipsoid", 3);
            onlyError(world("<geom type=\"capsule\" size=\"1\" fromto=\"0 0 0 1 0 0\" pos=\"1 0 0\"/>"),
                    MjcfValidator.GEOM_SIZE, "both pos and fromto defined in geom", 3);
            onlyError(world("<geom type=\"capsule\" size=\"1\" fromto=\"1 0 0 1 0 0\"/>"), MjcfValidator.GEOM_SIZE,
                    "fromto points too close", 3);
        }

        @Test
        void sizes_the_type_ignores_are_a_warning() throws Exception {
            List<Finding> f = world("<geom type=\"sphere\" size=\"1 2 3\"/>");
            assertErrors(f).isEmpty();
            assertThat(f).singleElement().satisfies(w -> assertThat(w.message()).contains("uses 1 size value"));
        }

        @Test
        void quaternions_and_axes_must_not_be_zero() throws Exception {
            onlyError(world("<body quat=\"0 0 0 0\">" + ARM + "</body>"), MjcfValidator.ORIENTATION,
                    "zero quaternion is not allowed", 3);
            onlyError(world("<geom size=\"1\" axisangle=\"0 0 0 1\"/>"), MjcfValidator.ORIENTATION,
                    "axisangle too small", 3);
            onlyError(world("<geom size=\"1\" xyaxes=\"1 0 0 2 0 0\"/>"), MjcfValidator.ORIENTATION,
                    "yaxis too small", 3);
            onlyError(world("<body><joint axis=\"0 0 0\"/><geom size=\"1\"/></body>"), MjcfValidator.ORIENTATION,
                    "axis too small in joint", 3);
        }

        @Test
        void planes_only_in_static_bodies_and_sites_are_never_planes() throws Exception {
            onlyError(world("<body><joint/><geom size=\"1\"/><geom type=\"plane\" size=\"1 1 1\"/></body>"),
                    MjcfValidator.STATIC_PLANE, "plane only allowed in static bodies", 3);
            onlyError(world("<site type=\"plane\" size=\"1 1 1\"/>"), MjcfValidator.GEOM_SIZE,
                    "hfields and planes not allowed in site", 3);
        }
    }

    @Nested
    class Joints_and_bodies {
        @Test
        void a_free_joint_only_on_a_top_level_body() throws Exception {
            Finding e = onlyError(world("<body name=\"base\"><geom size=\"1\"/>\n<body name=\"lid\"><freejoint/>"
                    + "<geom size=\"1\"/></body></body>"), MjcfValidator.FREE_JOINT,
                    "free joint can only be used on top level", 4);
            assertThat(e.message()).contains("body 'lid'", "body 'base'");
            assertThat(world("<frame pos=\"1 0 0\"><body><freejoint/><geom size=\"1\"/></body></frame>")).isEmpty();
            onlyError(world("<body><geom size=\"1\"/>\n<body><joint type=\"free\"/><geom size=\"1\"/></body></body>"),
                    MjcfValidator.FREE_JOINT, "free joint can only be used on top level", 4);
        }

        @Test
        void a_body_has_at_most_six_dofs_and_no_rotation_after_a_ball() throws Exception {
            onlyError(world("<body><freejoint/><joint/><geom size=\"1\"/></body>"), MjcfValidator.TOO_MANY_DOFS,
                    "more than 6 dofs", 3);
            onlyError(world("<body><joint type=\"ball\"/><joint type=\"hinge\"/><geom size=\"1\"/></body>"),
                    MjcfValidator.TOO_MANY_DOFS, "ball followed by rotation", 3);
        }

        @Test
        void a_mocap_body_is_a_jointless_child_of_the_world() throws Exception {
            onlyError(world("<body><geom size=\"1\"/><body mocap=\"true\"><geom size=\"1\"/></body></body>"),
                    MjcfValidator.MOCAP, "is not a fixed child of world", 3);
        }

        @Test
        void limits_need_an_ordered_range() throws Exception {
            onlyError(world("<body><joint limited=\"true\"/><geom size=\"1\"/></body>"), MjcfValidator.LIMITS,
                    "range[0] should be smaller than range[1] in joint", 3);
            onlyError(world("<body><joint type=\"ball\" range=\"-1 1\"/><geom size=\"1\"/></body>"),
                    MjcfValidator.LIMITS, "range[0] should be 0 in ball joint", 3);
            onlyError(validate("<mujoco>\n<compiler autolimits=\"false\"/>\n<worldbody>\n<body><joint range=\"0 1\"/>"
                    + "<geom size=\"1\"/></body>\n</worldbody>\n</mujoco>"), MjcfValidator.LIMITS,
                    "joint has `range` but not `limited`", 4);
            onlyError(validate("<mujoco>\n<worldbody>" + ARM + "</worldbody>\n<actuator>\n<motor joint=\"hinge\" "
                    + "ctrllimited=\"true\"/>\n</actuator>\n</mujoco>"), MjcfValidator.LIMITS,
                    "invalid control range for actuator", 4);
        }

        @Test
        void a_keyframe_is_no_longer_than_the_model_state() throws Exception {
            List<Finding> f = validate("<mujoco>\n<worldbody>" + ARM + "</worldbody>\n<keyframe>\n"
                    + "<key name=\"k\" qpos=\"0 0\"/>\n</keyframe>\n</mujoco>");
            onlyError(f, MjcfValidator.KEYFRAME, "keyframe 'k': invalid qpos size, expected 1, got 2", 4);
        }

        @Test
        void spatial_tendon_paths_follow_mujocos_rules() throws Exception {
            String model = "<mujoco>\n<worldbody><body><joint/><geom name=\"g\" type=\"box\" size=\"1 1 1\"/>"
                    + "<site name=\"a\"/><site name=\"b\" pos=\"1 0 0\"/></body></worldbody>\n<tendon>\n<spatial>\n";
            onlyError(validate(model + "<site site=\"a\"/>\n</spatial>\n</tendon>\n</mujoco>"),
                    MjcfValidator.TENDON_PATH, "spatial path must contain at least two objects", 4);
            onlyError(validate(model + "<site site=\"a\"/>\n<site site=\"a\"/>\n<site site=\"b\"/>\n</spatial>\n"
                    + "</tendon>\n</mujoco>"), MjcfValidator.TENDON_PATH, "site 0 is repeated", 6);
            List<Finding> f = validate(model + "<site site=\"a\"/>\n<geom geom=\"g\"/>\n</spatial>\n</tendon>\n"
                    + "</mujoco>");
            assertErrors(f).extracting(Finding::message).containsExactly(
                    "spatial tendon: geom at pos 1 not bracketed by sites",
                    "geom 'g' in spatial tendon, wrap 1 is not sphere or cylinder (it is a box)");
        }
    }

    @Nested
    class Mass_of_moving_bodies {
        private static final String PHRASE = "mass and inertia of moving bodies must be larger than mjMINVAL";

        @Test
        void a_body_with_a_joint_and_nothing_heavy_is_rejected() throws Exception {
            Finding e = onlyError(world("<body name=\"ghost\"><joint/><site name=\"s\"/></body>"),
                    MjcfValidator.ZERO_MASS, PHRASE, 3);
            assertThat(e.message()).contains("body 'ghost'");
            assertThat(e.hint()).contains("<inertial");
        }

        @Test
        void mass_in_a_welded_child_counts_but_mass_behind_another_joint_does_not() throws Exception {
            assertThat(world("<body><freejoint/><body><body><geom size=\"1\"/></body></body></body>")).isEmpty();
            onlyError(world("<body name=\"a\"><joint/><body><joint/><geom size=\"1\"/></body></body>"),
                    MjcfValidator.ZERO_MASS, PHRASE, 3);
        }

        @Test
        void zero_density_explicit_zero_mass_and_excluded_groups_give_no_mass() throws Exception {
            onlyError(world("<body><joint/><geom size=\"1\" density=\"0\"/></body>"), MjcfValidator.ZERO_MASS,
                    PHRASE, 3);
            onlyError(world("<body><joint/><geom size=\"1\" mass=\"0\"/></body>"), MjcfValidator.ZERO_MASS, PHRASE, 3);
            onlyError(validate("<mujoco>\n<compiler inertiagrouprange=\"0 2\"/>\n<worldbody>\n<body><joint/>"
                    + "<geom size=\"1\" group=\"3\"/></body>\n</worldbody>\n</mujoco>"), MjcfValidator.ZERO_MASS,
                    PHRASE, 4);
            onlyError(validate("<mujoco>\n<compiler inertiafromgeom=\"false\"/>\n<worldbody>\n<body><joint/>"
                    + "<geom size=\"1\"/></body>\n</worldbody>\n</mujoco>"), MjcfValidator.ZERO_MASS, PHRASE, 4);
        }

        @Test
        void an_inertial_needs_mass_and_inertia() throws Exception {
            assertThat(world("<body><joint/><inertial pos=\"0 0 0\" mass=\"1\" diaginertia=\"1 1 1\"/></body>"))
                    .isEmpty();
            Finding e = onlyError(world("<body><joint/><inertial pos=\"0 0 0\" mass=\"1\"/></body>"),
                    MjcfValidator.ZERO_MASS, PHRASE, 3);
            assertThat(e.message()).contains("zero inertia");
        }

        @Test
        void compiler_bounds_lift_the_requirement() throws Exception {
            assertThat(validate("<mujoco><compiler boundmass=\"0.1\" boundinertia=\"0.1\"/><worldbody><body><joint/>"
                    + "</body></worldbody></mujoco>")).isEmpty();
        }
    }

    @Nested
    class Mesh_and_asset_files {
        private String meshModel(String meshAttrs) {
            return "<mujoco>\n<asset>\n<mesh name=\"part\" " + meshAttrs + "/>\n</asset>\n<worldbody>\n"
                    + "<body><freejoint/><geom type=\"mesh\" mesh=\"part\"/></body>\n</worldbody>\n</mujoco>\n";
        }

        @Test
        void a_mesh_geom_takes_no_fromto_and_a_primitive_fitted_to_a_mesh_is_not_a_plane() throws Exception {
            Files.write(dir.resolve("part.stl"), binaryStlTetrahedron());
            String asset = "<mujoco>\n<asset><mesh file=\"part.stl\"/></asset>\n<worldbody>\n";
            onlyError(validate(asset + "<geom type=\"mesh\" mesh=\"part\" fromto=\"0 0 0 1 0 0\"/>\n</worldbody>\n"
                    + "</mujoco>"), MjcfValidator.GEOM_SIZE, "fromto cannot be used with mesh geom", 4);
            onlyError(validate(asset + "<geom type=\"plane\" mesh=\"part\"/>\n</worldbody>\n</mujoco>"),
                    MjcfValidator.GEOM_SIZE, "invalid geom type in fitting mesh 'part'", 4);
            assertThat(validate(asset + "<geom type=\"box\" mesh=\"part\"/>\n</worldbody>\n</mujoco>"))
                    .as("a box fitted to the mesh takes its size from it").isEmpty();
        }

        @Test
        void an_stl_with_a_non_finite_vertex_is_rejected() throws Exception {
            byte[] stl = binaryStlTetrahedron();
            ByteBuffer.wrap(stl).order(ByteOrder.LITTLE_ENDIAN).putFloat(84 + 50 + 12, Float.NaN);
            Files.write(dir.resolve("part.stl"), stl);
            onlyError(validate(meshModel("file=\"part.stl\"")), MjcfValidator.MESH_FILE,
                    "STL triangle 1 has a non-finite vertex coordinate", 3);
        }

        @Test
        void assets_that_are_referred_to_by_name_need_one() throws Exception {
            onlyError(validate("<mujoco>\n<asset>\n<material rgba=\"1 0 0 1\"/>\n</asset>\n<worldbody/>\n</mujoco>"),
                    MjcfValidator.REPEATED_NAME, "empty name in material", 3);
            onlyError(validate("<mujoco>\n<asset>\n<texture name=\"t\" type=\"2d\"/>\n</asset>\n<worldbody/>\n"
                    + "</mujoco>"), MjcfValidator.BAD_VALUE, "texture 't' has no data", 3);
        }

        @Test
        void a_binary_stl_is_accepted() throws Exception {
            Files.write(dir.resolve("part.stl"), binaryStlTetrahedron());
            assertThat(validate(meshModel("file=\"part.stl\""))).isEmpty();
        }

        @Test
        void an_ascii_stl_is_rejected() throws Exception {
            Files.writeString(dir.resolve("part.stl"), asciiStlTetrahedron());
            Finding e = onlyError(validate(meshModel("file=\"part.stl\"")), MjcfValidator.MESH_FILE,
                    "ASCII STL is not supported", 3);
            assertThat(e.message()).contains("'part.stl'");
            assertThat(e.hint()).contains("binary STL");
        }

        @Test
        void a_truncated_or_empty_stl_is_rejected_with_the_expected_size() throws Exception {
            byte[] stl = binaryStlTetrahedron();
            Files.write(dir.resolve("part.stl"), java.util.Arrays.copyOf(stl, stl.length - 10));
            onlyError(validate(meshModel("file=\"part.stl\"")), MjcfValidator.MESH_FILE,
                    "has wrong size: 274 bytes, but its header counts 4 triangles, which take 84 + 50*4 = 284 bytes", 3);
            Files.write(dir.resolve("part.stl"), java.util.Arrays.copyOf(stl, 84));
            onlyError(validate(meshModel("file=\"part.stl\"")), MjcfValidator.MESH_FILE,
                    "has wrong size", 3);
            ByteBuffer.wrap(stl, 80, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0);
            Files.write(dir.resolve("part.stl"), java.util.Arrays.copyOf(stl, 84));
            onlyError(validate(meshModel("file=\"part.stl\"")), MjcfValidator.MESH_FILE,
                    "number of faces should be between 1 and 200000", 3);
        }

        @Test
        void a_binary_stl_whose_header_starts_with_solid_is_still_binary() throws Exception {
            byte[] stl = binaryStlTetrahedron();
            System.arraycopy("solid made by a CAD tool".getBytes(StandardCharsets.US_ASCII), 0, stl, 0, 24);
            Files.write(dir.resolve("part.stl"), stl);
            assertThat(validate(meshModel("file=\"part.stl\""))).isEmpty();
        }

        @Test
        void a_missing_mesh_file_names_where_it_was_looked_for() throws Exception {
            Finding e = onlyError(validate(meshModel("file=\"part.stl\"")), MjcfValidator.MESH_FILE,
                    "mesh file 'part.stl' not found (looked for part.stl)", 3);
            assertThat(e.hint()).contains("main model file");
        }

        @Test
        void mesh_files_resolve_against_meshdir_then_assetdir() throws Exception {
            Files.createDirectories(dir.resolve("meshes"));
            Files.write(dir.resolve("meshes/part.stl"), binaryStlTetrahedron());
            String withDir = meshModel("file=\"part.stl\"");
            assertThat(validate(withDir.replace("<asset>", "<compiler meshdir=\"meshes\"/>\n<asset>")
                    .replace("<mesh name", "<mesh name"))).filteredOn(Finding::isError).isEmpty();
            assertThat(validate(withDir.replace("<mujoco>\n", "<mujoco><compiler assetdir=\"meshes\"/>\n")))
                    .isEmpty();
            Finding e = onlyError(validate(withDir.replace("<mujoco>\n", "<mujoco><compiler meshdir=\"stl\"/>\n")),
                    MjcfValidator.MESH_FILE, "looked for stl/part.stl", 3);
            assertThat(e.hint()).contains("meshdir=\"stl\"");
        }

        @Test
        void an_unnamed_mesh_takes_its_name_from_the_file() throws Exception {
            Files.write(dir.resolve("part.stl"), binaryStlTetrahedron());
            assertThat(validate(meshModel("file=\"part.stl\"").replace("<mesh name=\"part\" ", "<mesh "))).isEmpty();
        }

        @Test
        void a_texture_file_must_exist() throws Exception {
            List<Finding> f = validate("<mujoco>\n<asset>\n<texture name=\"wood\" type=\"2d\" file=\"wood.png\"/>\n"
                    + "</asset>\n<worldbody/>\n</mujoco>");
            onlyError(f, MjcfValidator.ASSET_FILE, "texture file 'wood.png' not found", 3);
        }
    }

    @Nested
    class Includes {
        @Test
        void an_included_file_is_validated_and_reports_its_own_file_and_line() throws Exception {
            Files.createDirectories(dir.resolve("parts"));
            Files.writeString(dir.resolve("parts/arm.xml"), "<mujoco>\n  <body name=\"arm\">\n    <joint/>\n"
                    + "    <geom size=\"1\" quat=\"0 0 0 0\"/>\n  </body>\n</mujoco>\n");
            List<Finding> f = validate("<mujoco>\n<worldbody>\n<include file=\"parts/arm.xml\"/>\n</worldbody>\n"
                    + "</mujoco>\n");
            assertErrors(f).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(MjcfValidator.ORIENTATION);
                assertThat(e.location()).isEqualTo("parts/arm.xml:4");
            });
        }

        @Test
        void included_names_take_part_in_references_and_uniqueness() throws Exception {
            Files.writeString(dir.resolve("assets.xml"), "<mujoco>\n<asset>\n<material name=\"steel\"/>\n</asset>\n"
                    + "</mujoco>\n");
            assertThat(validate("<mujoco>\n<include file=\"assets.xml\"/>\n<worldbody><geom size=\"1\" "
                    + "material=\"steel\"/></worldbody>\n</mujoco>")).isEmpty();
            List<Finding> f = validate("<mujoco>\n<include file=\"assets.xml\"/>\n<asset><material name=\"steel\"/>"
                    + "</asset>\n<worldbody/>\n</mujoco>");
            onlyError(f, MjcfValidator.REPEATED_NAME, "first declared at assets.xml:3", 3);
        }

        @Test
        void a_missing_repeated_or_circular_include_is_reported_at_the_include() throws Exception {
            onlyError(validate("<mujoco>\n<include file=\"nope.xml\"/>\n<worldbody/>\n</mujoco>"),
                    MjcfValidator.INCLUDE, "cannot open included file 'nope.xml'", 2);
            Files.writeString(dir.resolve("a.xml"), "<mujoco><asset/></mujoco>");
            onlyError(validate("<mujoco>\n<include file=\"a.xml\"/>\n<include file=\"a.xml\"/>\n<worldbody/>\n"
                    + "</mujoco>"), MjcfValidator.INCLUDE, "file 'a.xml' already included", 3);
            Files.writeString(dir.resolve("loop.xml"), "<mujoco>\n<include file=\"loop.xml\"/>\n</mujoco>");
            assertErrors(validate("<mujoco>\n<include file=\"loop.xml\"/>\n<worldbody/>\n</mujoco>"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.message()).contains("include cycle");
                        assertThat(e.location()).isEqualTo("loop.xml:2");
                    });
        }

        @Test
        void malformed_xml_in_an_included_file_names_that_file() throws Exception {
            Files.writeString(dir.resolve("broken.xml"), "<mujoco>\n<asset>\n</mujoco>\n");
            assertErrors(validate("<mujoco>\n<include file=\"broken.xml\"/>\n<worldbody/>\n</mujoco>"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.code()).isEqualTo(MjcfValidator.XML);
                        assertThat(e.location()).startsWith("broken.xml:");
                        assertThat(e.message()).contains("included from model.xml:2");
                    });
        }
    }

    @Test
    void findings_are_capped_so_a_broken_file_cannot_flood_a_prompt() {
        StringBuilder xml = new StringBuilder("<mujoco><worldbody>");
        for (int i = 0; i < 50; i++) {
            xml.append("<geom size=\"1\" bogus=\"1\"/>");
        }
        xml.append("</worldbody></mujoco>");
        List<Finding> f = new MjcfValidator(MjcfSchema.bundled(), 10).validate(xml.toString(), "big.xml", null);
        assertThat(f).hasSize(11);
        assertThat(f.get(10).code()).isEqualTo(MjcfValidator.TOO_MANY);
        assertThat(f.get(10).message()).isEqualTo("40 more findings were left out");
    }
}
