package dev.scenarist.models.internal.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteTest {
    @TempDir
    Path dir;

    static AuthorRequest request(String prompt, long seed) {
        return new AuthorRequest("describe", "system", prompt, ModelSettings.DEFAULTS, 1, seed, Map.of("topic", "x"));
    }

    static final Author ECHO = new Author() {
        @Override
        public String id() {
            return "echo";
        }

        @Override
        public AuthorReply reply(AuthorRequest r) {
            return new AuthorReply("echo: " + r.prompt(), new Usage(12, 5, 3, 0, 0.0021), "echo-1", Duration.ofMillis(40));
        }
    };

    @Test
    void recordedRepliesReplayOfflineWithTheirUsageForAnySeed() throws Exception {
        Path file = dir.resolve("c.jsonl");
        var recorder = new RecordingAuthor(ECHO, file);
        recorder.reply(request("one", 1));
        recorder.reply(request("two", 1));

        var cassette = CassetteAuthor.load("cassette:c", file);
        AuthorReply r = cassette.reply(request("two", 99));

        assertThat(cassette.size()).isEqualTo(2);
        assertThat(r.text()).isEqualTo("echo: two");
        assertThat(r.usage()).isEqualTo(new Usage(12, 5, 3, 0, 0.0021));
        assertThat(r.model()).isEqualTo("echo-1");
    }

    @Test
    void aRequestThatWasNeverRecordedIsAPermanentFailureThatSaysWhatToDo() throws Exception {
        Path file = dir.resolve("c.jsonl");
        new RecordingAuthor(ECHO, file).reply(request("one", 1));
        var cassette = CassetteAuthor.load("cassette:c", file);
        assertThatThrownBy(() -> cassette.reply(request("changed prompt", 1)))
                .isInstanceOf(PermanentAuthorException.class)
                .hasMessageContaining("no recording for stage 'describe' attempt 1").hasMessageContaining("re-record");
    }

    @Test
    void aMalformedCassetteLineIsReportedWithFileAndLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"key\":\"k\",\"reply\":\"r\"}\nnot json\n");
        assertThatThrownBy(() -> CassetteAuthor.load("c", file)).hasMessageContaining("bad.jsonl:2");
    }
}
