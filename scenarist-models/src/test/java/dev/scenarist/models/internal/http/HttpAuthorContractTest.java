package dev.scenarist.models.internal.http;

import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.ProviderSettings;
import static dev.scenarist.models.testing.FakeProviderServer.Scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.author.WorkScope;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.workspace.ParsedReply;
import dev.scenarist.core.workspace.ReplyParser;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import dev.scenarist.models.internal.reliability.RateLimitFeedback.Snapshot;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every HTTP author must do against its provider's documented responses and every fault. Each provider's
 * test extends this and adds what is particular to it (request shape, headers, usage fields).
 *
 * <p>Over 400 lines on purpose: it is one contract, and its clauses (replies, usage, each fault, redaction, structured
 * output) share the fixtures above; split, each part would repeat them and a provider test would have to extend
 * several classes at once, which Java does not allow.
 */
abstract class HttpAuthorContractTest {
    static final String KEY = "sk-test-SECRETSECRETSECRET1234";
    static final String CODE = "```python\ndef build(seed: int, scale: float) -> str:\n    return f\"<mujoco model='ramp-{seed}'/>\"\n```";
    static final Duration SHORT = Duration.ofMillis(400);
    /** The files a structured test stage must write; {@code <provider>/reply-structured.json} (or -tool-use) carries both. */
    static final List<String> OUTPUTS = List.of("scenario/build.py", "scenario/meta.json");
    static final List<OutputFile> OUTPUT_FILES = List.of(OutputFile.required("scenario/build.py", FileFormat.CODE, "the builder"),
            OutputFile.required("scenario/meta.json", FileFormat.JSON, "the metadata"));
    static final String BUILD_PY = "def build(seed: int, scale: float) -> str:\n    return f\"<mujoco model='ramp-{seed}'/>\"\n";
    static final String META_JSON = "{\"name\": \"ramp\", \"difficulty\": 2}";
    /** What the structured reply must become: the text a model writing the same files as blocks would send. */
    static final String FILE_BLOCKS = "<file path=\"scenario/build.py\">\n" + BUILD_PY + "</file>\n"
            + "<file path=\"scenario/meta.json\">\n" + META_JSON + "\n</file>\n";
    /** The schema of OUTPUTS, written out as the issue states it. */
    static final String SCHEMA = """
            {"type":"object","properties":{"files":{"type":"array","items":{"type":"object","properties":{
             "path":{"type":"string","enum":["scenario/build.py","scenario/meta.json"]},"content":{"type":"string"}},
             "required":["path","content"],"additionalProperties":false}}},"required":["files"],"additionalProperties":false}""";

    FakeProviderServer server;
    Redactor redactor;
    List<Snapshot> observed;
    Clock clock;
    HttpChatAuthor author;

    /** The resource folder under {@code src/test/resources/http/}. */
    abstract String provider();

    /** Settings pointing at the fake server, with {@link #KEY} as the key. */
    abstract ProviderSettings settings(FakeProviderServer server);

    abstract HttpChatAuthor author(ProviderSettings settings, RateLimitFeedback feedback, Redactor redactor, Clock clock);

    /** What {@code <provider>/reply.json} holds, priced by the default table. */
    abstract AuthorReply expectedReply();

    /** The provider's own words in {@code <provider>/error-400.json}. */
    abstract String badRequestText();

    /** The key went out in the provider's auth header. */
    abstract void assertKeySent(FakeProviderServer.Received request);

    /** The resource holding a reply that carries OUTPUTS as structured output, in the provider's documented format. */
    abstract String structuredResource();

    /** The JSON schema a request body asks the reply to match, or a missing node. */
    abstract JsonNode sentSchema(JsonNode body);

    /** Whether a request body carries any of the provider's structured-output fields. */
    abstract boolean asksForStructure(JsonNode body);

    /** A 2xx body whose structured payload is {@code document} (a tool input for Anthropic, message content otherwise). */
    abstract String replyCarrying(JsonNode document);

    /** A 2xx body whose reply is plain {@code text} (the model did not answer in the structured form). */
    abstract String replyWithText(String text);

    @BeforeEach
    void start() {
        server = FakeProviderServer.start();
        redactor = new Redactor();
        observed = new CopyOnWriteArrayList<>();
        clock = new StepClock(Duration.ofMillis(10));
        author = author(settings(server), observed::add, redactor, clock);
    }

    @AfterEach
    void stop() {
        author.close();
        server.close();
    }

    static AuthorRequest request(ModelSettings settings) {
        return new AuthorRequest("author", "You write MuJoCo scenario builders.", "Write build() for a ramp.", settings, 1, 7L, Map.of());
    }

    static AuthorRequest request() {
        return request(ModelSettings.DEFAULTS);
    }

    /** A request whose reply must carry OUTPUTS. */
    static AuthorRequest fileRequest() {
        return new AuthorRequest("author", "You write MuJoCo scenario builders.", "Write build() for a ramp.", ModelSettings.DEFAULTS, 1, 7L,
                Map.of(), new WorkScope(Optional.empty(), List.of(), List.of(), OUTPUTS));
    }

    /** An author of this provider with structured output forced on. */
    HttpChatAuthor structuredAuthor() {
        return author(settings(server).withStructuredOutput(true), observed::add, redactor, clock);
    }

    static ModelSettings timeout(Duration t) {
        return new ModelSettings(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), t);
    }

    String body(String name) {
        return FakeProviderServer.resource(provider() + "/" + name);
    }

    Scripted resource(int status, String name) {
        return Scripted.fromResource(status, provider() + "/" + name);
    }

    <T extends AuthorException> T failure(Class<T> type, AuthorRequest request) {
        T e = catchThrowableOfType(type, () -> author.reply(request));
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        return e;
    }

    <T extends AuthorException> T failure(Class<T> type) {
        return failure(type, request());
    }

    @Test
    void aSuccessfulReplyCarriesTheTextTheUsagePricedTheServedModelAndTheLatency() throws Exception {
        server.enqueue(resource(200, "reply.json"));

        AuthorReply reply = author.reply(request());

        AuthorReply expected = expectedReply();
        assertThat(reply.text()).isEqualTo(expected.text());
        assertThat(reply.model()).isEqualTo(expected.model());
        assertThat(reply.usage()).usingRecursiveComparison().withComparatorForType(
                (a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class).isEqualTo(expected.usage());
        assertThat(reply.latency()).isEqualTo(Duration.ofMillis(10));
        assertThat(server.requests()).hasSize(1);
        assertKeySent(server.lastRequest());
        assertThat(server.lastRequest().json().path("model").asText()).isEqualTo(author.model());
    }

    @Test
    void anEmptyReplyIsReturnedAsEmptyTextForTheGuardrailToJudge() throws Exception {
        server.enqueue(resource(200, "reply-empty.json"));
        assertThat(author.reply(request()).text()).isEmpty();
    }

    @Test
    void proseInsteadOfCodeIsReturnedAsItIs() throws Exception {
        server.enqueue(resource(200, "reply-prose.json"));
        String text = author.reply(request()).text();
        assertThat(text).contains("amp should be tilted by about fifteen degrees").doesNotContain("```");
        assertThat(FakeProviderServer.resource(provider() + "/reply-prose.json")).contains(text.substring(0, 40));
    }

    @Test
    void aRateLimitIsTransientAndCarriesRetryAfterSecondsToTheExceptionAndTheFeedback() {
        server.enqueue(resource(429, "error-429.json").withHeader("retry-after", "7"));

        var e = failure(TransientAuthorException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains(author.id()).contains("rate limited").contains("HTTP 429").contains("retry after 7s");
        assertThat(observed).extracting(Snapshot::retryAfter).containsExactly(Optional.of(Duration.ofSeconds(7)));
        assertThat(server.requests()).as("the author never retries by itself").hasSize(1);
    }

    @Test
    void retryAfterGivenAsAnHttpDateIsHonoured() {
        server.enqueue(resource(429, "error-429.json").withHeader("Retry-After", "Thu, 20 Nov 2025 10:00:30 GMT"));

        var e = failure(TransientAuthorException.class);

        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)));
    }

    @Test
    void retryAfterInMillisecondsWinsOverSeconds() {
        server.enqueue(resource(429, "error-429.json").withHeader("retry-after", "2").withHeader("retry-after-ms", "1250"));
        assertThat(failure(TransientAuthorException.class).retryAfter()).contains(Duration.ofMillis(1250));
    }

    @Test
    void aServerErrorIsTransientAndQuotesTheServer() {
        server.enqueue(resource(500, "error-500.json"));
        var e = failure(TransientAuthorException.class);
        assertThat(e.getMessage()).contains("server error").contains("HTTP 500").contains("Server said:");
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void anOverloadedProviderIsTransient() {
        server.enqueue(resource(529, "error-529.json").withHeader("retry-after", "3"));
        var e = failure(TransientAuthorException.class);
        assertThat(e.getMessage()).contains("overloaded").contains("HTTP 529");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void aResponseSlowerThanTheStageTimeoutIsTransient() {
        server.enqueue(resource(200, "reply.json").after(Duration.ofSeconds(3)));
        var e = failure(TransientAuthorException.class, request(timeout(SHORT)));
        assertThat(e.getMessage()).contains("no response").contains("within 400ms");
    }

    @Test
    void aBodyThatStallsAfterItsHeadersPastTheTimeoutIsTransient() {
        server.enqueue(Scripted.stallingBody(body("reply.json"), Duration.ofSeconds(3)));
        var e = failure(TransientAuthorException.class, request(timeout(SHORT)));
        assertThat(e.getMessage()).contains("within 400ms");
    }

    @Test
    void aConnectionClosedWithoutAResponseIsTransient() {
        server.enqueue(Scripted.connectionReset());
        var e = failure(TransientAuthorException.class);
        assertThat(e.getMessage()).contains("failed before a complete response");
    }

    @Test
    void aBodyShorterThanItsContentLengthIsTransient() {
        server.enqueue(Scripted.shortBody(body("reply.json")));
        assertThat(failure(TransientAuthorException.class).getMessage()).contains(author.id());
    }

    @Test
    void aTruncatedJsonBodyIsATransientMalformedResponse() {
        server.enqueue(Scripted.truncated(body("reply.json")));
        var e = failure(TransientAuthorException.class);
        assertThat(e.getMessage()).contains("malformed response from " + author.endpoint()).contains("not valid JSON").contains("truncated");
    }

    @Test
    void aSuccessStatusWithoutJsonIsATransientMalformedResponse() {
        server.enqueue(Scripted.ok("<html><body>502 Bad Gateway</body></html>").withHeader("Content-Type", "text/html"));
        assertThat(failure(TransientAuthorException.class).getMessage()).contains("malformed response").contains("<html>");
    }

    @Test
    void aSuccessStatusWithJsonOfTheWrongShapeIsATransientMalformedResponse() {
        server.enqueue(Scripted.ok("{\"id\":\"x\"}"));
        assertThat(failure(TransientAuthorException.class).getMessage()).contains("malformed response");
    }

    @Test
    void aRejectedKeyIsPermanentAndNamesWhereTheKeyCameFromButNeverTheKey() {
        server.enqueue(resource(401, "error-401.json"));
        var e = failure(PermanentAuthorException.class);
        assertThat(e.getMessage()).contains("authentication failed").contains("HTTP 401").contains("check $TEST_API_KEY")
                .doesNotContain(KEY);
    }

    @Test
    void aForbiddenRequestIsPermanent() {
        server.enqueue(Scripted.json(403, "{\"error\":{\"type\":\"permission_error\",\"message\":\"no access to this model\"}}"));
        assertThat(failure(PermanentAuthorException.class).getMessage()).contains("HTTP 403").contains("no access to this model");
    }

    @Test
    void anUnknownModelIsPermanentAndNamesTheUrlAndTheModel() {
        server.enqueue(resource(404, "error-404.json"));
        var e = failure(PermanentAuthorException.class);
        assertThat(e.getMessage()).contains("unknown model or wrong URL").contains(author.endpoint().toString())
                .contains("model " + author.model());
    }

    @Test
    void aBadRequestIsPermanentWithTheProvidersMessage() {
        server.enqueue(resource(400, "error-400.json"));
        var e = failure(PermanentAuthorException.class);
        assertThat(e.getMessage()).contains("request rejected").contains("HTTP 400").contains("Server said: ").contains(badRequestText());
    }

    @Test
    void aServerThatIsNotListeningIsTransientAndSaysWhatToCheck() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var settings = settings(server).withBaseUrl(URI.create("http://127.0.0.1:" + port + "/v1"));
        try (HttpChatAuthor down = author(settings, RateLimitFeedback.NONE, redactor, clock)) {
            var e = catchThrowableOfType(TransientAuthorException.class, () -> down.reply(request()));
            assertThat(e.getMessage()).contains("cannot connect to http://127.0.0.1:" + port).contains("is the server running?");
        }
    }

    @Test
    void theKeyIsSentButNeverAppearsInMessagesRepliesOrDescriptions() throws Exception {
        server.enqueue(resource(200, "reply.json"), resource(401, "error-401.json"),
                Scripted.json(401, "{\"error\":{\"message\":\"Key " + KEY + " is not valid\"}}"),
                Scripted.json(400, "{\"error\":\"bad header Authorization: Bearer " + KEY + "\"}"),
                resource(429, "error-429.json"), resource(500, "error-500.json"), Scripted.ok("not json " + KEY),
                Scripted.truncated(body("reply.json")), Scripted.connectionReset(), Scripted.shortBody(body("reply.json")),
                resource(200, "reply.json").after(Duration.ofSeconds(2)));
        List<String> seen = new ArrayList<>();
        AuthorReply reply = author.reply(request());
        seen.add(reply.toString());
        for (int i = 0; i < 10; i++) {
            try {
                seen.add(author.reply(request(timeout(SHORT))).toString());
            } catch (AuthorException e) {
                for (Throwable t = e; t != null; t = t.getCause()) seen.add(t.toString());
            }
        }
        seen.add(author.toString());
        seen.add(settings(server).toString());
        seen.add(observed.toString());

        assertThat(seen).hasSizeGreaterThan(12).noneMatch(s -> s.contains(KEY)).noneMatch(s -> s.contains("SECRETSECRET"));
        assertThat(server.requests()).isNotEmpty().allSatisfy(this::assertKeySent);
    }

    @Test
    void theEstimateCoversATypicalReplyAndIsPriced() throws Exception {
        // a prompt of about the size the recorded reply reports (~2400 tokens)
        AuthorRequest big = new AuthorRequest("author", "x".repeat(8000), "y".repeat(1624), ModelSettings.DEFAULTS, 1, 7L, Map.of());
        server.enqueue(resource(200, "reply.json"));

        Usage estimate = author.estimate(big).orElseThrow();
        Usage actual = author.reply(big).usage();

        assertThat(estimate.inputTokens()).isEqualTo(2406);
        assertThat(estimate.outputTokens()).isEqualTo(ProviderSettings.DEFAULT_MAX_TOKENS);
        assertThat(estimate.totalTokens()).isGreaterThanOrEqualTo(actual.totalTokens());
        assertThat(estimate.inputTokens()).isGreaterThanOrEqualTo(
                actual.inputTokens() + actual.cacheReadTokens() + actual.cacheWriteTokens());
        assertThat(estimate.costUsd()).isGreaterThanOrEqualTo(actual.costUsd())
                .isEqualTo(PriceTable.defaults().price(author.model()).cost(estimate));
    }

    @Test
    void theEstimateUsesTheStagesMaxTokensWhenItSetsThem() {
        var settings = new ModelSettings(Optional.empty(), OptionalDouble.empty(), OptionalInt.of(500), ModelSettings.DEFAULT_TIMEOUT);
        Usage estimate = author.estimate(new AuthorRequest("s", "abcde", "", settings, 1, 0, Map.of())).orElseThrow();
        assertThat(estimate.inputTokens()).isEqualTo(2);
        assertThat(estimate.outputTokens()).isEqualTo(500);
    }

    // ---------------------------------------------------------------- structured replies

    @Test
    void aStageThatMustWriteFilesAsksForTheSchemaOfItsOutputs() throws Exception {
        server.enqueue(Scripted.fromResource(200, structuredResource()));
        try (HttpChatAuthor a = structuredAuthor()) {
            assertThat(a.structuredOutput()).isTrue();
            a.reply(fileRequest());
        }
        JsonNode body = server.lastRequest().json();
        assertThat(asksForStructure(body)).isTrue();
        assertThat(sentSchema(body)).isEqualTo(Json.mapper().readTree(SCHEMA));
        assertThat(body.path("model").asText()).isEqualTo(author.model());
    }

    @Test
    void aStructuredReplyBecomesExactlyTheFileBlocksTheGuardrailAccepts() throws Exception {
        server.enqueue(Scripted.fromResource(200, structuredResource()));
        AuthorReply reply;
        try (HttpChatAuthor a = structuredAuthor()) {
            reply = a.reply(fileRequest());
        }
        assertThat(reply.text()).isEqualTo(FILE_BLOCKS);
        assertThat(reply.usage().outputTokens()).isPositive();
        assertThat(new ReplyParser().parse(reply.text(), OUTPUT_FILES)).isInstanceOfSatisfying(ParsedReply.Artifact.class,
                art -> assertThat(art.files()).containsExactly(Map.entry("scenario/build.py", BUILD_PY),
                        Map.entry("scenario/meta.json", META_JSON + "\n")));
    }

    @Test
    void aStructuredReplyThatDoesNotMatchTheSchemaComesBackAsItsRawTextForTheGuardrailToReject() throws Exception {
        List<String> documents = List.of(
                "{\"file\":[{\"path\":\"scenario/build.py\",\"content\":\"x = 1\\n\"}]}",
                "{\"files\":[{\"path\":\"scenario/build.py\"}]}",
                "{\"files\":[{\"content\":\"x = 1\\n\"}]}",
                "{\"files\":[{\"path\":\"scenario/build.py\",\"content\":42}]}",
                "{\"files\":[{\"path\":\"\",\"content\":\"x = 1\\n\"}]}",
                "{\"files\":\"scenario/build.py\"}",
                "{\"files\":[\"scenario/build.py\"]}");
        try (HttpChatAuthor a = structuredAuthor()) {
            for (String doc : documents) {
                JsonNode document = Json.mapper().readTree(doc);
                server.enqueue(Scripted.ok(replyCarrying(document)));
                String text = a.reply(fileRequest()).text();
                assertThat(text).as(doc).isEqualTo(document.toString());
                assertThat(new ReplyParser().parse(text, OUTPUT_FILES)).as(doc).isInstanceOf(ParsedReply.Rejected.class);
            }
        }
    }

    @Test
    void textInsteadOfTheStructuredFormComesBackUnchanged() throws Exception {
        String truncated = "{\"files\":[{\"path\":\"scenario/build.py\",\"content\":\"def build(seed";
        String prose = "I would tilt the ramp by fifteen degrees.";
        try (HttpChatAuthor a = structuredAuthor()) {
            for (String text : List.of(truncated, prose, FILE_BLOCKS, "")) {
                server.enqueue(Scripted.ok(replyWithText(text)));
                assertThat(a.reply(fileRequest()).text()).as(text).isEqualTo(text);
            }
        }
    }

    @Test
    void aProseStageNeverAsksForStructureEvenWhenItIsOn() throws Exception {
        server.enqueue(resource(200, "reply.json"));
        try (HttpChatAuthor a = structuredAuthor()) {
            assertThat(a.reply(request()).text()).isEqualTo(CODE);
        }
        assertThat(asksForStructure(server.lastRequest().json())).isFalse();
    }

    @Test
    void turnedOffAStageThatMustWriteFilesGetsAPlainRequestAndTheTextAsItIs() throws Exception {
        server.enqueue(resource(200, "reply.json"));
        try (HttpChatAuthor a = author(settings(server).withStructuredOutput(false), observed::add, redactor, clock)) {
            assertThat(a.structuredOutput()).isFalse();
            assertThat(a.reply(fileRequest()).text()).isEqualTo(CODE);
        }
        assertThat(asksForStructure(server.lastRequest().json())).isFalse();
    }

    @Test
    void theEstimateIsTheSameWithOrWithoutStructure() {
        AuthorRequest plain = fileRequest();
        AuthorRequest prose = new AuthorRequest(plain.stage(), plain.system(), plain.prompt(), plain.settings(), 1, 7L, Map.of());
        try (HttpChatAuthor a = structuredAuthor()) {
            assertThat(a.estimate(plain)).isEqualTo(a.estimate(prose)).isEqualTo(author.estimate(prose));
        }
    }

    /** A key from a variable the tests name, so messages can be checked for the source. */
    static Secret key() {
        return new Secret(KEY, "$TEST_API_KEY");
    }
}
