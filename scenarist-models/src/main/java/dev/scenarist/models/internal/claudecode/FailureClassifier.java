package dev.scenarist.models.internal.claudecode;

import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.models.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where a failed {@code claude} run becomes a {@link TransientAuthorException} (retried by the
 * engine) or a {@link PermanentAuthorException} (stop and say how to fix it). Looks at the result event
 * ({@code is_error}, {@code subtype}, {@code api_error_status}, {@code result}, {@code errors}), the assistant
 * message's {@code error} tag, the exit code and the tail of stderr. Every message is redacted.
 */
final class FailureClassifier {
    private static final Pattern AUTH = Pattern.compile(
            "(?i)(invalid api key|please run /login|not logged in|log ?in required|authentication[_ ]?(error|failed|required)"
                    + "|unauthori[sz]ed|invalid x-api-key|oauth token (has )?expired|api key .*(revoked|invalid))");
    private static final Pattern BILLING = Pattern.compile("(?i)(credit balance is too low|billing_error)");
    private static final Pattern MODEL = Pattern.compile(
            "(?i)(issue with the selected model|model[^\\n]{0,80}(not found|does not exist|not available|invalid)|not_found_error)");
    private static final Pattern BUSY = Pattern.compile(
            "(?i)(rate[ _-]?limit|too many requests|overloaded|usage limit reached|\\b429\\b|\\b529\\b|\\b50[0234]\\b"
                    + "|server_error|api_error|timed? ?out|econnreset|socket hang up|connection (reset|refused|error)|network)");
    /** Claude Code's subscription limit message carries the reset time: {@code Claude AI usage limit reached|1767225600}. */
    private static final Pattern USAGE_LIMIT_RESET = Pattern.compile("(?i)usage limit reached\\|(\\d{9,11})");

    private FailureClassifier() {}

    /** Everything known about a failed run. */
    record Failure(String what, OptionalInt exitCode, Optional<StreamTranscript.Result> result,
                   Optional<String> assistantError, String stderrTail) {}

    static AuthorException classify(Failure f, Redactor redactor, Instant now) {
        String detail = redactor.redact(detail(f));
        String tail = redactor.redact(f.stderrTail().strip());
        String evidence = detail + "\n" + tail + "\n" + f.assistantError().orElse("");
        OptionalInt status = f.result().map(StreamTranscript.Result::apiErrorStatus).orElse(OptionalInt.empty());
        String where = f.what();

        if ((status.isPresent() && (status.getAsInt() == 401 || status.getAsInt() == 403))
                || f.assistantError().filter(e -> e.contains("authentication")).isPresent() || AUTH.matcher(evidence).find()) {
            return new PermanentAuthorException(where + ": Claude Code is not authenticated (" + oneLine(detail, tail)
                    + "); run `claude login` as the user Scenarist runs as, or set ANTHROPIC_API_KEY in the environment passed to claude");
        }
        if (f.assistantError().filter(e -> e.contains("billing")).isPresent() || BILLING.matcher(evidence).find()) {
            return new PermanentAuthorException(where + ": the Anthropic account cannot pay for this call (" + oneLine(detail, tail)
                    + "); add credits or use another key");
        }
        if ((status.isPresent() && status.getAsInt() == 404) || MODEL.matcher(evidence).find()) {
            return new PermanentAuthorException(where + ": the model is not available to Claude Code (" + oneLine(detail, tail)
                    + "); pick another, e.g. claude-code:sonnet or claude-code:opus");
        }
        if ((status.isPresent() && (status.getAsInt() == 429 || status.getAsInt() == 408 || status.getAsInt() >= 500))
                || f.assistantError().filter(e -> e.contains("rate_limit") || e.contains("overloaded") || e.contains("server")).isPresent()
                || BUSY.matcher(evidence).find()) {
            return new TransientAuthorException(where + ": Claude Code hit a rate limit or an overloaded/unavailable API ("
                    + oneLine(detail, tail) + "); will retry", retryAfter(evidence, now), null);
        }
        String subtype = f.result().map(StreamTranscript.Result::subtype).orElse("");
        if (subtype.equals("error_max_turns")) {
            return new TransientAuthorException(where + ": Claude Code stopped at its maximum number of turns before answering ("
                    + oneLine(detail, tail) + ")");
        }
        StringBuilder m = new StringBuilder(where).append(": claude failed");
        f.exitCode().ifPresent(c -> m.append(" (exit ").append(c).append(')'));
        if (!subtype.isEmpty()) m.append(", result ").append(subtype);
        if (!detail.isBlank()) m.append(": ").append(StreamTranscript.abbreviate(detail.strip(), 600));
        m.append(tail.isBlank() ? "; stderr was empty" : "; stderr: " + tailOf(tail, 1200));
        return new TransientAuthorException(m.toString());
    }

    private static String detail(Failure f) {
        List<String> parts = new ArrayList<>();
        f.result().ifPresent(r -> {
            if (!r.text().isBlank()) parts.add(r.text().strip());
            parts.addAll(r.errors());
            r.apiErrorStatus().ifPresent(s -> parts.add("API status " + s));
        });
        f.assistantError().ifPresent(e -> parts.add("error " + e));
        return String.join("; ", parts);
    }

    private static String oneLine(String detail, String tail) {
        String s = !detail.isBlank() ? detail : !tail.isBlank() ? tailOf(tail, 300) : "no detail";
        return StreamTranscript.abbreviate(s.replaceAll("\\s+", " ").strip(), 300);
    }

    private static String tailOf(String s, int max) {
        String t = s.strip();
        return t.length() <= max ? t : "…" + t.substring(t.length() - max);
    }

    private static Optional<Duration> retryAfter(String evidence, Instant now) {
        Matcher m = USAGE_LIMIT_RESET.matcher(evidence);
        if (m.find()) {
            try {
                Duration d = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(m.group(1))));
                if (!d.isNegative()) return Optional.of(d);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
