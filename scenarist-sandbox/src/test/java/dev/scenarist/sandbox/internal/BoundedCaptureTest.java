package dev.scenarist.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.sandbox.CapturedOutput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BoundedCaptureTest {

    private static CapturedOutput capture(String text, int limit) {
        BoundedCapture c = new BoundedCapture(limit);
        c.drain(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return c.snapshot();
    }

    @Test
    void output_within_the_limit_is_kept_whole() {
        String text = "x".repeat(1000) + "y".repeat(24);

        CapturedOutput out = capture(text, 1024);

        assertThat(out.text()).isEqualTo(text);
        assertThat(out.truncated()).isFalse();
        assertThat(out.totalBytes()).isEqualTo(1024);
    }

    @Test
    void longer_output_keeps_its_beginning_and_its_end_with_a_marker_between() {
        String text = "BEGIN" + "m".repeat(10_000) + "END";

        CapturedOutput out = capture(text, 1024);

        assertThat(out.truncated()).isTrue();
        assertThat(out.totalBytes()).isEqualTo(10_008);
        assertThat(out.text()).startsWith("BEGIN").endsWith("END").contains("[… 8984 bytes truncated …]");
    }

    @Test
    void the_tail_is_what_error_messages_quote() {
        CapturedOutput out = new CapturedOutput("line one\nline two\nError: near line 3\n", 40, false);

        assertThat(out.tail(18)).isEqualTo("…Error: near line 3");
        assertThat(out.tail(100)).isEqualTo("line one\nline two\nError: near line 3");
    }
}
