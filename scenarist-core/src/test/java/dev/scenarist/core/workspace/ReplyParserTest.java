package dev.scenarist.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyParserTest {
    final ReplyParser parser = new ReplyParser();
    final List<OutputFile> two = List.of(OutputFile.required("item.json", FileFormat.JSON, ""), OutputFile.required("q.sql", FileFormat.CODE, ""));
    final List<OutputFile> one = List.of(OutputFile.required("item.json", FileFormat.JSON, ""));

    static List<String> codes(ParsedReply r) {
        return ((ParsedReply.Rejected) r).findings().stream().map(Finding::code).toList();
    }

    @Test
    void fileBlocksAreExtractedAndTheProseAroundThemStripped() {
        var r = parser.parse("Sure! Here:\n<file path=\"item.json\">\n{\"a\": 1}\n</file>\nand\n<file path=\"q.sql\">\nSELECT 1;\n</file>\nHope it helps.", two);
        var art = (ParsedReply.Artifact) r;
        assertThat(art.files()).containsEntry("item.json", "{\"a\": 1}\n").containsEntry("q.sql", "SELECT 1;\n");
        assertThat(art.strippedProse()).contains("Sure! Here:").contains("Hope it helps.");
    }

    @Test
    void aFenceInsideABlockIsNotPartOfTheFile() {
        var r = (ParsedReply.Artifact) parser.parse("<file path=\"q.sql\">\n```sql\nSELECT 1;\n```\n</file><file path=\"item.json\">{}</file>", two);
        assertThat(r.files().get("q.sql")).isEqualTo("SELECT 1;\n");
    }

    @Test
    void proseInsteadOfFilesIsRejectedWithCorrectiveFeedback() {
        var r = parser.parse("I would write a query that joins the tables.", two);
        assertThat(codes(r)).containsExactly("NO_ARTIFACT");
        assertThat(((ParsedReply.Rejected) r).findings().getFirst().hint()).contains("<file path=");
    }

    @Test
    void aBlockCutOffBeforeItsEndIsAPartialArtifact() {
        var r = parser.parse("<file path=\"item.json\">\n{\"a\": 1}\n</file>\n<file path=\"q.sql\">\nSELECT * FROM", two);
        assertThat(codes(r)).containsExactly("PARTIAL_ARTIFACT");
    }

    @Test
    void aMissingRequiredFileIsNamed() {
        var r = parser.parse("<file path=\"item.json\">{}</file>", two);
        assertThat(((ParsedReply.Rejected) r).findings()).singleElement()
                .satisfies(f -> assertThat(f.render()).contains("MISSING_FILE at q.sql"));
    }

    @Test
    void aFileThatDoesNotParseInItsFormatIsRejectedWithItsLine() {
        var r = parser.parse("<file path=\"item.json\">\n{\n  \"a\": 1,\n  oops\n}\n</file><file path=\"q.sql\">x</file>", two);
        assertThat(((ParsedReply.Rejected) r).findings()).singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo("MALFORMED_JSON");
                    assertThat(f.location()).isEqualTo("item.json:3");
                });
    }

    @Test
    void aSingleOutputStageAcceptsOneFencedBlockOrABareDocument() {
        assertThat(parser.parse("Here:\n```json\n{\"x\": 2}\n```\nDone.", one)).isInstanceOf(ParsedReply.Artifact.class);
        assertThat(parser.parse("{\"x\": 2}", one)).isInstanceOf(ParsedReply.Artifact.class);
        assertThat(codes(parser.parse("Here:\n```json\n{\"x\": 2}\n", one))).containsExactly("PARTIAL_ARTIFACT");
    }

    @Test
    void pathsThatEscapeTheWorkspaceAreRefused() {
        var r = parser.parse("<file path=\"/etc/passwd\">x</file><file path=\"item.json\">{}</file><file path=\"q.sql\">x</file>", two);
        assertThat(codes(r)).containsExactly("BAD_PATH");
    }

    @Test
    void xmlWithADoctypeIsRefusedSoNoEntityIsEverExpanded() {
        var xml = List.of(OutputFile.required("scene.xml", FileFormat.XML, ""));
        var r = parser.parse("<file path=\"scene.xml\"><?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x></file>", xml);
        assertThat(codes(r)).containsExactly("MALFORMED_XML");
    }
}
