package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broken campaign configuration is refused before anything is stored, in the user's words: file:line:column, the
 * field, the fix, and never a Java class name or the YAML library's raw text.
 */
class ConfigErrorsTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("unicode digits", "seed: 1\nconcurrency: \"४२\"\n", List.of(),
                        List.of("campaign.yaml:2:14: concurrency:", "expected a whole number from 1 to 256", "'४२'")),
                Arguments.of("unquoted unicode digits", "concurrency: ४२\n", List.of(), List.of("campaign.yaml:1:14: concurrency:", "'४२'")),
                Arguments.of("a number in quotes", "budget:\n  max_runs: \"12\"\n", List.of(),
                        List.of("campaign.yaml:2:13: budget.max_runs:", "in quotes", "write the number without quotes")),
                Arguments.of("a word for a number", "budget:\n  max_runs: ten\n", List.of(),
                        List.of("campaign.yaml:2:13: budget.max_runs: expected a whole number", "'ten'", "e.g. max_runs: 50")),
                Arguments.of("duplicate keys", "seed: 1\nconcurrency: 2\nseed: 3\n", List.of(),
                        List.of("campaign.yaml:3:1:", "'seed' is written twice (first at line 1)", "keep one of them")),
                Arguments.of("unknown stage", "models:\n  stages:\n    describ: {temperature: 0.5}\n", List.of(),
                        List.of("campaign.yaml:3:5: models.stages: pack 'sql-quiz' has no stage 'describ'", "did you mean 'describe'?",
                                "describe, database, queries, review, unique")),
                Arguments.of("unknown provider", "providers:\n  opnai: {base_url: \"http://localhost:8000/v1\"}\n", List.of(),
                        List.of("campaign.yaml:2:3: providers: unknown provider 'opnai'", "did you mean 'openai'?")),
                Arguments.of("ftp base_url", "providers:\n  openai:\n    base_url: \"ftp://x\"\n", List.of(),
                        List.of("campaign.yaml:3:15: providers.openai.base_url:", "must start with http:// or https://", "write it like")),
                Arguments.of("base_url not a url", "providers:\n  openai:\n    base_url: \"not a url\"\n", List.of(),
                        List.of("campaign.yaml:3:15: providers.openai.base_url:", "is not a valid URL", "write it like")),
                Arguments.of("negative max_wall with the flag given", "budget:\n  max_wall: -5m\n", List.of("--max-wall", "10m"),
                        List.of("campaign.yaml:2:13: budget.max_wall: '-5m' is negative", "write it like 45s, 30m, 2h")),
                Arguments.of("max_wall without unit", "budget:\n  max_wall: 30\n", List.of(),
                        List.of("campaign.yaml:2:13: budget.max_wall: the number 30 has no unit", "write 30s, 30m or 30h")),
                Arguments.of("a mapping under a number (indentation)", "budget:\n  max_runs:\n    max_tokens: 5\n", List.of(),
                        List.of("campaign.yaml:3:5: budget.max_runs: expected a single value but found a mapping", "indentation")),
                Arguments.of("bad indentation", "budget:\n  max_runs: 10\n max_tokens: 5\n", List.of(),
                        List.of("campaign.yaml:3:2: the YAML is not well-formed: this line is indented differently", "check the indentation")),
                Arguments.of("a mapping where a key belongs", "budget:\n  {max_runs: 1}: 2\n", List.of(),
                        List.of("campaign.yaml:2:", "the YAML is not well-formed: a key is itself a mapping or a list")),
                Arguments.of("a tab", "budget:\n\tmax_runs: 3\n", List.of(),
                        List.of("campaign.yaml:2:1: the YAML is not well-formed: a tab is used for indentation")),
                Arguments.of("unknown author provider", "author: opnai:gpt-4.1\n", List.of(),
                        List.of("campaign.yaml:1:9: author: unknown model provider 'opnai'", "did you mean 'openai'?")),
                Arguments.of("unknown author", "author: oflfine\n", List.of(),
                        List.of("campaign.yaml:1:9: author: unknown author 'oflfine'", "did you mean 'offline'?", "cassette:FILE")),
                Arguments.of("api key instead of its variable", "providers:\n  openai: {api_key_env: \"sk-abc-123\"}\n", List.of(),
                        List.of("campaign.yaml:2:25: providers.openai.api_key_env:", "is not the name of an environment variable")),
                Arguments.of("approve_after not a list", "approve_after: {plan: yes}\n", List.of(),
                        List.of("campaign.yaml:1:16: approve_after:", "e.g. approve_after: [plan]")),
                Arguments.of("attempts above five", "attempts: {queries: 9}\n", List.of(),
                        List.of("campaign.yaml:1:21: attempts.queries:", "the number 9 is out of range: it must be from 1 to 5")),
                Arguments.of("attempts for a stage the pack lacks", "attempts:\n  querys: 3\n", List.of(),
                        List.of("campaign.yaml:2:3: attempts: pack 'sql-quiz' has no stage 'querys'", "did you mean 'queries'?")),
                Arguments.of("refine rounds for a stage that is no refine stage", "refine_rounds:\n  queries: 2\n", List.of(),
                        List.of("campaign.yaml:2:3: refine_rounds: stage 'queries' of pack 'sql-quiz' is not a refine stage")),
                Arguments.of("lessons not a yes/no", "lessons: often\n", List.of(),
                        List.of("campaign.yaml:1:10: lessons:", "e.g. lessons: true")),
                Arguments.of("every unknown key, each with did-you-mean", "concurency: 2\nsed: 1\nbudget:\n  max_run: 3\n", List.of(),
                        List.of("campaign.yaml has 3 problems", "campaign.yaml:1:1: unknown field 'concurency'; did you mean 'concurrency'?",
                                "campaign.yaml:2:1: unknown field 'sed'; did you mean 'seed'?",
                                "campaign.yaml:4:3: budget: unknown field 'max_run'; did you mean 'max_runs'?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void aBadConfigIsRefusedAtItsLineWithTheFieldAndTheFix(String name, String yaml, List<String> flags, List<String> expected)
            throws Exception {
        Path cfg = tmp.resolve("campaign.yaml");
        Files.writeString(cfg, yaml);
        Path data = tmp.resolve("data");
        var args = new java.util.ArrayList<>(List.of("generate", "--pack", "sql-quiz", "--count", "1", "--config", cfg.toString()));
        args.addAll(flags);
        var r = CliRun.in(data, args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        String message = r.err().replace(cfg.toString(), "campaign.yaml");
        assertThat(message).contains(expected);
        assertThat(message).doesNotContain("java.", "$", "Cannot deserialize", "\tat ", "Exception", "snakeyaml", "<block", "line 1, column");
        assertThat(campaignsIn(data)).isEmpty();
    }

    @Test
    void underJsonAConfigErrorIsOneDocumentWithEachProblem() throws Exception {
        Path cfg = tmp.resolve("campaign.yaml");
        Files.writeString(cfg, "seed: x\nbudget: {max_wal: 3m}\n");
        var r = CliRun.in(tmp.resolve("data"), "--json", "generate", "--pack", "sql-quiz", "--count", "1", "--config", cfg.toString());
        assertThat(r.code()).isEqualTo(2);
        Map<?, ?> error = (Map<?, ?>) r.json().get("error");
        assertThat(error.get("code")).isEqualTo("config");
        assertThat(error.get("exit")).isEqualTo(2);
        List<?> problems = (List<?>) error.get("problems");
        assertThat(problems).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) problems.get(1);
        assertThat(second).containsEntry("line", 2).containsEntry("field", "budget")
                .containsEntry("fix", "did you mean 'max_wall'? (fields allowed in budget: max_runs, max_tokens, max_cost_usd, max_wall)");
        assertThat(r.err()).contains("campaign.yaml has 2 problems");
    }

    @Test
    void theMaxWallFlagsOwnMistakeNamesTheFlag() {
        var r = CliRun.in(tmp.resolve("data"), "generate", "--pack", "sql-quiz", "--count", "1", "--max-wall", "-3m");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--max-wall: '-3m' is negative");
    }

    @Test
    void aGoodConfigStillRuns() throws Exception {
        Path cfg = tmp.resolve("campaign.yaml");
        Files.writeString(cfg, """
                # comments and every section
                author: offline
                concurrency: 2
                seed: 7
                budget: {max_runs: 20, max_tokens: 1_000_000, max_cost_usd: 5.0, max_wall: 1h30m}
                models:
                  default: {model: gpt-4.1, temperature: 0.2, max_tokens: 4000, timeout: 2m}
                  stages:
                    describe: {temperature: 0.8}
                providers:
                  openai: {base_url: "http://localhost:8000/v1", api_key_env: VLLM_KEY, requests_per_minute: 60}
                prices:
                  my-finetune: {input: 1.0, output: 2.0}
                """);
        Path data = tmp.resolve("data");
        var r = CliRun.in(data, "generate", "--pack", "sql-quiz", "--count", "1", "--config", cfg.toString());
        // the model settings change the prompts, so the bundled cassette may fall short (exit 1): the file was accepted
        assertThat(r.code()).as(r.err()).isNotEqualTo(2);
        assertThat(campaignsIn(data)).hasSize(1);
    }

    @Test
    void theCategoryFromTheFileOrTheFlagLabelsTheCampaign() throws Exception {
        Path cfg = tmp.resolve("campaign.yaml");
        Files.writeString(cfg, "category: onboarding\n");
        Path data = tmp.resolve("data");
        assertThat(CliRun.in(data, "generate", "--pack", "sql-quiz", "--count", "1", "--config", cfg.toString()).code()).isNotEqualTo(2);
        assertThat(CliRun.in(data, "generate", "--pack", "sql-quiz", "--count", "1", "--config", cfg.toString(), "--category", "regression")
                .code()).isNotEqualTo(2);
        assertThat(campaignsIn(data).stream().map(c -> (Object) ((Map<?, ?>) c).get("category")).toList()).containsExactlyInAnyOrder((Object) "onboarding", "regression");
        assertThat(CliRun.in(data, "campaigns").err() + CliRun.in(data, "campaigns").out()).contains("onboarding", "regression");
    }

    private static List<?> campaignsIn(Path data) {
        var r = CliRun.in(data, "--json", "campaigns");
        assertThat(r.code()).as(r.err()).isZero();
        Object doc = dev.scenarist.core.model.Json.read(r.out(), Object.class);
        return doc instanceof List<?> l ? l : (List<?>) ((Map<?, ?>) doc).get("campaigns");
    }
}
