package dev.scenarist.core.author;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Author} must do, whatever it talks to. Each implementation's test extends this and supplies
 * an author that can answer {@link #PROMPTS}, and one that fails.
 */
public abstract class AuthorContractTest {
    /** The prompts the contract sends; an author under test must be able to answer each of them. */
    public static final List<String> PROMPTS = List.of("Write a.txt saying one.", "Write a.txt saying two.", "Write a.txt saying three.");

    /** An author that answers {@link #PROMPTS}. */
    protected abstract Author author() throws Exception;

    /** An author (or the same one, configured to fail) whose next call fails; empty if it cannot fail. */
    protected abstract Optional<Author> failingAuthor() throws Exception;

    public static AuthorRequest request(String prompt) {
        return new AuthorRequest("draft", "You write tiny files.", prompt, ModelSettings.DEFAULTS, 1, 7, Map.of("n", 1));
    }

    @Test
    void itsIdIsNonBlankAndStable() throws Exception {
        Author a = author();
        assertThat(a.id()).isNotBlank().isEqualTo(a.id());
    }

    @Test
    void aReplyCarriesTextUsageModelAndLatency() throws Exception {
        AuthorReply r = author().reply(request(PROMPTS.getFirst()));
        assertThat(r.text()).isNotNull();
        assertThat(r.usage()).isNotNull();
        assertThat(r.usage().totalTokens()).isNotNegative();
        assertThat(r.usage().costUsd()).isNotNegative();
        assertThat(r.model()).isNotNull();
        assertThat(r.latency()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void theSameRequestCanBeAskedAgain() throws Exception {
        Author a = author();
        assertThat(a.reply(request(PROMPTS.get(1))).text()).isNotNull();
        assertThat(a.reply(request(PROMPTS.get(1))).text()).isNotNull();
    }

    @Test
    void manyRunsMayCallItAtOnce() throws Exception {
        Author a = author();
        try (var pool = Executors.newFixedThreadPool(6)) {
            List<Future<AuthorReply>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String p = PROMPTS.get(i % PROMPTS.size());
                futures.add(pool.submit((Callable<AuthorReply>) () -> a.reply(request(p))));
            }
            for (var f : futures) assertThat(f.get().text()).isNotNull();
        }
    }

    @Test
    void anEstimateWhenGivenIsNeverNegative() throws Exception {
        author().estimate(request(PROMPTS.getFirst())).ifPresent(u -> {
            assertThat(u.totalTokens()).isNotNegative();
            assertThat(u.costUsd()).isNotNegative();
        });
    }

    @Test
    void aFailureIsAnAuthorExceptionThatSaysWhetherToRetry() throws Exception {
        Optional<Author> failing = failingAuthor();
        if (failing.isEmpty()) return;
        Throwable t = catchThrowable(() -> failing.get().reply(request(PROMPTS.getFirst())));
        assertThat(t).isInstanceOf(AuthorException.class);
        assertThat(t.getMessage()).isNotBlank();
    }
}
