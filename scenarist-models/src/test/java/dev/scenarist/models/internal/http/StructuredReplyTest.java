package dev.scenarist.models.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.workspace.ParsedReply;
import dev.scenarist.core.workspace.ReplyParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredReplyTest {
    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void theSchemaListsTheOutputsAsTheOnlyPathsAndMeetsOpenAisStrictRules() throws Exception {
        JsonNode schema = StructuredReply.schema(List.of("item.json"));
        assertThat(schema).isEqualTo(json("""
                {"type":"object","properties":{"files":{"type":"array","items":{"type":"object","properties":{
                 "path":{"type":"string","enum":["item.json"]},"content":{"type":"string"}},
                 "required":["path","content"],"additionalProperties":false}}},"required":["files"],"additionalProperties":false}"""));
        assertThatThrownBy(() -> StructuredReply.schema(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachEntryBecomesOneBlockEndingWithANewlineInTheOrderGiven() throws Exception {
        String text = StructuredReply.fromText("""
                {"files":[{"path":"b.txt","content":"two\\n"},{"path":"a.txt","content":"one"},{"path":"c.txt","content":""}]}""");
        assertThat(text).isEqualTo("<file path=\"b.txt\">\ntwo\n</file>\n<file path=\"a.txt\">\none\n</file>\n<file path=\"c.txt\">\n\n</file>\n");
    }

    @Test
    void theBlocksParseInTheGuardrailToTheContentsSent() {
        var outputs = List.of(OutputFile.required("item.json", FileFormat.JSON, ""), OutputFile.required("notes.txt", FileFormat.TEXT, ""));
        String text = StructuredReply.fromText("{\"files\":[{\"path\":\"item.json\",\"content\":\"{\\\"a\\\": [1, 2]}\"},"
                + "{\"path\":\"notes.txt\",\"content\":\"  indented\\n\\nlast line\\n\"}]}");
        assertThat(new ReplyParser().parse(text, outputs)).isInstanceOfSatisfying(ParsedReply.Artifact.class, art -> {
            assertThat(art.files()).containsExactly(Map.entry("item.json", "{\"a\": [1, 2]}\n"), Map.entry("notes.txt", "  indented\n\nlast line\n"));
            assertThat(art.strippedProse()).isEmpty();
        });
    }

    @Test
    void aPathOutsideTheOutputsStillBecomesABlockForTheEngineToName() throws Exception {
        assertThat(StructuredReply.blocks(json("{\"files\":[{\"path\":\"other.py\",\"content\":\"x\"}]}")))
                .contains("<file path=\"other.py\">\nx\n</file>\n");
    }

    @Test
    void anEmptyListOfFilesIsNoBlocksAtAll() throws Exception {
        assertThat(StructuredReply.fromText("{\"files\":[]}")).isEmpty();
    }

    @Test
    void anythingElseIsLeftAsItCame() {
        for (String raw : List.of("", "   ", "prose, not JSON", "{\"files\":[{\"path\":\"a\",", "[1,2]", "\"files\"", "null",
                "{\"files\":null}", "{\"files\":[{\"path\":\"a\",\"content\":null}]}", "{\"files\":[{\"path\":\"a\\\"b\",\"content\":\"x\"}]}",
                "{\"files\":[{\"path\":\"a\\nb\",\"content\":\"x\"}]}", "{\"files\":[{\"path\":\"<a>\",\"content\":\"x\"}]}",
                "<file path=\"a\">\nx\n</file>\n")) {
            assertThat(StructuredReply.fromText(raw)).as(raw).isEqualTo(raw);
        }
        assertThat(StructuredReply.fromText(null)).isEmpty();
    }
}
