package dev.scenarist.packs.services.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class LocatedDocumentTest {
    @Test
    void every_member_and_item_of_a_json_document_knows_its_line() throws Exception {
        var doc = LocatedDocument.json("{\n  \"a\": {\n    \"b/c\": [\n      1,\n      {\"d\": true}\n    ]\n  }\n}\n");
        assertThat(doc.lineOf("/a")).isEqualTo(2);
        assertThat(doc.lineOf("/a/b~1c")).isEqualTo(3);
        assertThat(doc.lineOf("/a/b~1c/1/d")).isEqualTo(5);
        // a property that is not there is reported on its nearest parent's line
        assertThat(doc.lineOf("/a/b~1c/1/missing")).isEqualTo(5);
        assertThat(doc.tree().path("a").path("b/c").get(1).path("d").asBoolean()).isTrue();
    }

    @Test
    void yaml_lines_are_one_based_like_json() throws Exception {
        var doc = LocatedDocument.yaml("# comment\nversion: 1\ntests:\n  - name: x\n    expect_min: 2\n");
        assertThat(doc.lineOf("/version")).isEqualTo(2);
        assertThat(doc.lineOf("/tests/0/expect_min")).isEqualTo(5);
        assertThat(doc.tree().path("tests").get(0).path("expect_min").asInt()).isEqualTo(2);
    }

    @Test
    void a_key_written_twice_is_malformed_naming_both_lines() {
        var e = catchThrowableOfType(LocatedDocument.MalformedException.class, () -> LocatedDocument.json("{\"a\": 1,\n\"a\": 2}"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("'a' is written twice", "first at line 1");
    }

    @Test
    void trailing_content_and_broken_json_are_malformed_with_their_line() {
        var trailing = catchThrowableOfType(LocatedDocument.MalformedException.class, () -> LocatedDocument.json("{}\n{}"));
        assertThat(trailing.line()).isEqualTo(2);
        var broken = catchThrowableOfType(LocatedDocument.MalformedException.class, () -> LocatedDocument.json("{\n\"a\": [1,\n}"));
        assertThat(broken.line()).isEqualTo(3);
    }
}
