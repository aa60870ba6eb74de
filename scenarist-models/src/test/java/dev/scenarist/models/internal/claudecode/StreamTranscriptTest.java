package dev.scenarist.models.internal.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Usage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StreamTranscriptTest {
    static StreamTranscript read(String resource) throws IOException {
        StreamTranscript t = new StreamTranscript();
        try (InputStream in = StreamTranscriptTest.class.getResourceAsStream("/claudecode/" + resource)) {
            t.readAll(in);
        }
        return t;
    }

    @Test
    void aSuccessfulRunYieldsTheResultTextUsageCostAndTheAnsweringModel() throws IOException {
        StreamTranscript t = read("success.jsonl");
        StreamTranscript.Result r = t.result().orElseThrow();
        assertThat(r.subtype()).isEqualTo("success");
        assertThat(r.isError()).isFalse();
        assertThat(r.usage()).isEqualTo(new Usage(9, 412, 24980, 2210, 0.0123));
        assertThat(t.model()).contains("claude-sonnet-4-5-20250929");
        assertThat(t.denials()).isEmpty();
        assertThat(t.events()).isEqualTo(5);
    }

    @Test
    void permissionDenialsAreReadFromTheResultEventWithTheToolAndItsTarget() throws IOException {
        StreamTranscript t = read("denial.jsonl");
        assertThat(t.denials()).containsExactly(new StreamTranscript.Denial("Write", "/work/ws/helpers.py"));
    }

    @Test
    void permissionErrorsInToolResultsCountAsDenialsWhenTheResultEventListsNone() {
        StreamTranscript t = new StreamTranscript();
        t.accept("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"is_error\":true,"
                + "\"content\":\"Claude requested permissions to use Bash, but you haven't granted it yet.\",\"tool_use_id\":\"t1\"}]}}");
        t.accept("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"result\":\"ok\"}");
        assertThat(t.denials()).hasSize(1);
        assertThat(t.denials().getFirst().target()).contains("Bash");
    }

    @Test
    void syntheticErrorMessagesDoNotCountAsTheModelAndTheirErrorTagIsKept() throws IOException {
        StreamTranscript t = read("auth-error.jsonl");
        assertThat(t.model()).contains("claude-sonnet-4-5-20250929");
        assertThat(t.assistantError()).contains("authentication_failed");
        assertThat(t.result().orElseThrow().isError()).isTrue();
    }

    @Test
    void theApiErrorStatusIsRead() throws IOException {
        assertThat(read("overloaded.jsonl").result().orElseThrow().apiErrorStatus()).isEqualTo(OptionalInt.of(529));
        assertThat(read("success.jsonl").result().orElseThrow().apiErrorStatus()).isEmpty();
    }

    @Test
    void linesThatAreNotJsonObjectsAreCountedAndIgnored() {
        StreamTranscript t = new StreamTranscript();
        t.readAll(new ByteArrayInputStream(("Warning: something\n\n[1,2]\n{not json\n"
                + "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"result\":\"hi\",\"usage\":{\"input_tokens\":-3}}\n").getBytes()));
        assertThat(t.unparsedLines()).isEqualTo(3);
        assertThat(t.result().orElseThrow().text()).isEqualTo("hi");
        assertThat(t.result().orElseThrow().usage()).isEqualTo(Usage.ZERO);
        assertThat(t.model()).isEmpty();
    }
}
