package dev.scenarist.packs.yaml.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReplyFolderAuthorTest {
    @TempDir
    Path replies;
    private ReplyFolderAuthor author;

    @BeforeEach
    void folder() throws Exception {
        Path topic = Files.createDirectories(replies.resolve("library-loans"));
        Files.writeString(topic.resolve("describe-1.md"), "first try at {{difficulty}} level");
        Files.writeString(topic.resolve("describe-2.md"), "second try");
        Files.writeString(topic.resolve("queries.judge.answerable-1.md"), "SCORE: 0.9");
        Files.writeString(topic.resolve("review-1.md"), "Looks fine.");
        Files.createDirectories(replies.resolve("food-delivery"));
        author = new ReplyFolderAuthor("replies:sql-quiz", replies, "topic");
    }

    private AuthorReply ask(String stage, int attempt, String topic) throws Exception {
        return author.reply(new AuthorRequest(stage, "system text", "prompt text", ModelSettings.DEFAULTS, attempt, 3,
                Map.of("topic", topic, "difficulty", "hard")));
    }

    @Test
    void answers_from_the_topic_folder_and_the_stage_attempt_file() throws Exception {
        assertThat(ask("describe", 2, "Library loans").text()).isEqualTo("second try");
    }

    @Test
    void replaces_parameter_placeholders_in_the_reply() throws Exception {
        assertThat(ask("describe", 1, "library loans").text()).isEqualTo("first try at hard level");
    }

    @Test
    void a_later_attempt_than_any_written_gets_the_highest_one() throws Exception {
        assertThat(ask("describe", 5, "library loans").text()).isEqualTo("second try");
        assertThat(ask("review", 3, "library loans").text()).isEqualTo("Looks fine.");
    }

    @Test
    void judge_requests_use_the_stage_name_with_colons_as_dots() throws Exception {
        assertThat(ask("queries:judge:answerable", 2, "library loans").text()).isEqualTo("SCORE: 0.9");
        assertThat(ReplyFolderAuthor.fileStem("queries:judge:answerable")).isEqualTo("queries.judge.answerable");
    }

    @Test
    void reports_id_model_and_estimated_usage() throws Exception {
        AuthorReply reply = ask("review", 1, "library loans");

        assertThat(author.id()).isEqualTo("replies:sql-quiz");
        assertThat(reply.model()).isEqualTo("replies/library-loans");
        assertThat(reply.usage().outputTokens()).isEqualTo(3);
        assertThat(reply.usage().inputTokens()).isEqualTo(6);
        assertThat(reply.usage().costUsd()).isZero();
    }

    @Test
    void slugs_drop_case_accents_and_punctuation() {
        assertThat(ReplyFolderAuthor.slug("Café orders & tips!")).isEqualTo("cafe-orders-tips");
        assertThat(ReplyFolderAuthor.slug("  Gym class attendance ")).isEqualTo("gym-class-attendance");
    }

    @Test
    void an_unknown_topic_is_a_permanent_failure_listing_the_topics_there_are() {
        assertThatThrownBy(() -> ask("describe", 1, "space travel"))
                .isInstanceOf(PermanentAuthorException.class)
                .hasMessageContaining("topic 'space travel'")
                .hasMessageContaining("[food-delivery, library-loans]");
    }

    @Test
    void a_stage_without_replies_is_a_permanent_failure_naming_the_file_to_write() {
        assertThatThrownBy(() -> ask("database", 1, "library loans"))
                .isInstanceOf(PermanentAuthorException.class)
                .hasMessageContaining("database-1.md");
    }

    @Test
    void a_request_without_the_key_parameter_is_a_permanent_failure() {
        assertThatThrownBy(() -> author.reply(new AuthorRequest("describe", "s", "p", ModelSettings.DEFAULTS, 1, 0, Map.of())))
                .isInstanceOf(PermanentAuthorException.class)
                .hasMessageContaining("parameter 'topic'");
    }
}
