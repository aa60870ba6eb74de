package dev.scenarist.core.campaign;

import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.Pack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request for {@code count} accepted, unique scenarios of a pack, and everything that shapes them.
 *
 * @param author      author spec as the user gave it: {@code offline}, {@code cassette:FILE}, {@code provider:model}
 * @param seed        campaign seed; run n gets seed {@code seed + n}
 * @param concurrency runs in flight at once (default 4)
 * @param options     pack options such as {@code tier}
 * @param authorSettings how the application reaches the author (provider endpoints, rate limits, prices), kept so a
 *                    resumed campaign reaches it the same way; opaque to the engine and not part of the fingerprint
 * @param category    a label people group campaigns by (dashboard tabs, analytics); empty when none; not part of the fingerprint
 * @param approvalGates stages after which a run pauses for a person's approval (human in the loop); not part of the
 *                    fingerprint: a person's edits are recorded in the run's trajectory
 * @param lessons     whether guidance learnt from the pack's frequent findings is added to the prompts
 * @param lessonLines the pack's enabled lessons as they were when the campaign was created (filled in then, when
 *                    {@code lessons} is on): every session of the campaign sends the same prompts, whatever people do to
 *                    the pack's lessons later, so a resumed campaign is reproducible. Part of the fingerprint when on.
 */
public record CampaignSpec(String pack, int count, String author, long seed, int concurrency, CampaignBudget budget,
                           StageSettings stageSettings, Map<String, String> options, Map<String, Object> authorSettings,
                           String category, List<String> approvalGates, boolean lessons,
                           List<dev.scenarist.core.lessons.LessonLine> lessonLines) {
    public static final int DEFAULT_CONCURRENCY = 4;

    public CampaignSpec {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(stageSettings, "stageSettings");
        options = options == null ? Map.of() : Map.copyOf(options);
        authorSettings = authorSettings == null ? Map.of() : Map.copyOf(authorSettings);
        category = category == null ? "" : category.strip();
        approvalGates = approvalGates == null ? List.of() : List.copyOf(approvalGates);
        lessonLines = lessonLines == null ? List.of() : List.copyOf(lessonLines);
        if (count < 1 || count > 100_000) throw new IllegalArgumentException("count must be between 1 and 100000, got " + count);
        if (concurrency < 1 || concurrency > 256) throw new IllegalArgumentException("concurrency must be between 1 and 256, got " + concurrency);
    }

    public CampaignSpec(String pack, int count, String author, long seed, int concurrency, CampaignBudget budget,
                        StageSettings stageSettings, Map<String, String> options) {
        this(pack, count, author, seed, concurrency, budget, stageSettings, options, Map.of());
    }

    public CampaignSpec(String pack, int count, String author, long seed, int concurrency, CampaignBudget budget,
                        StageSettings stageSettings, Map<String, String> options, Map<String, Object> authorSettings) {
        this(pack, count, author, seed, concurrency, budget, stageSettings, options, authorSettings, "", List.of(), false);
    }

    public CampaignSpec(String pack, int count, String author, long seed, int concurrency, CampaignBudget budget,
                        StageSettings stageSettings, Map<String, String> options, Map<String, Object> authorSettings,
                        String category, List<String> approvalGates, boolean lessons) {
        this(pack, count, author, seed, concurrency, budget, stageSettings, options, authorSettings, category, approvalGates, lessons, List.of());
    }

    /** The spec a campaign was stored with (older campaigns read with the defaults: no category, no gates, no lessons). */
    public static CampaignSpec of(dev.scenarist.core.store.CampaignRecord c) {
        try {
            return Json.read(c.specJson(), CampaignSpec.class);
        } catch (RuntimeException e) {
            throw damaged(c, e);
        }
    }

    /**
     * {@code of(c).category()}, read by streaming the stored JSON instead of mapping it. Why: mapping builds the
     * deserializers of the whole spec (budget, stage and author settings...), and with the mapper's own start that was
     * about a quarter of {@code scenarist campaigns}' CPU — for one string. The whole document is still parsed, so a
     * damaged text is refused as {@link #of} refuses it; a non-text category is read as the mapper would coerce it.
     */
    public static String categoryOf(dev.scenarist.core.store.CampaignRecord c) {
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(c.specJson())) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IllegalStateException("the specification is not a JSON object");
            }
            String category = null;
            for (var t = p.nextToken(); t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME; t = p.nextToken()) {
                boolean isCategory = p.currentName().equals("category");
                var value = p.nextToken();
                if (value.isStructStart()) {
                    if (isCategory) throw new IllegalStateException("the category is not a text");
                    p.skipChildren();
                } else if (isCategory) {
                    category = p.getValueAsString();
                }
            }
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) throw new IllegalStateException("the specification is cut short");
            return category == null ? "" : category.strip();
        } catch (java.io.IOException | RuntimeException e) {
            throw damaged(c, e);
        }
    }

    /** The row was read, but its text is not the JSON this program wrote: a damaged page the open-time check missed. */
    private static dev.scenarist.core.store.StoreDamagedException damaged(dev.scenarist.core.store.CampaignRecord c, Exception e) {
        return new dev.scenarist.core.store.StoreDamagedException("the store", "the stored specification of campaign " + c.id()
                + " cannot be read, so the database is damaged. Nothing was changed."
                + " To recover: restore the database from a backup, or salvage what is readable (for SQLite: sqlite3 DB .recover);"
                + " the accepted scenarios' files are still in the data directory; or start afresh with another --data-dir", e);
    }

    public CampaignSpec withBudget(CampaignBudget b) {
        return new CampaignSpec(pack, count, author, seed, concurrency, b, stageSettings, options, authorSettings, category, approvalGates, lessons, lessonLines);
    }

    public CampaignSpec withCategory(String c) {
        return new CampaignSpec(pack, count, author, seed, concurrency, budget, stageSettings, options, authorSettings, c, approvalGates, lessons, lessonLines);
    }

    public CampaignSpec withApprovalGates(List<String> stages) {
        return new CampaignSpec(pack, count, author, seed, concurrency, budget, stageSettings, options, authorSettings, category, stages, lessons, lessonLines);
    }

    public CampaignSpec withLessons(boolean on) {
        return new CampaignSpec(pack, count, author, seed, concurrency, budget, stageSettings, options, authorSettings, category, approvalGates, on, lessonLines);
    }

    /** This spec with the lessons frozen into it (see {@code lessonLines}). */
    public CampaignSpec withLessonLines(List<dev.scenarist.core.lessons.LessonLine> lines) {
        return new CampaignSpec(pack, count, author, seed, concurrency, budget, stageSettings, options, authorSettings, category, approvalGates, lessons, lines);
    }

    /** The lessons its prompts get: the frozen lines when lessons are on, none otherwise. */
    public List<dev.scenarist.core.lessons.LessonLine> activeLessons() {
        return lessons ? lessonLines : List.of();
    }

    public int maxRuns() {
        return budget.maxRunsOr(Math.max(10, count * 10));
    }

    /**
     * What determines the scenarios: the pack's definition, the author, the seed, the stage settings and options.
     * Count, concurrency and budgets may change between sessions; these may not.
     */
    public String fingerprint(Pack p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("pack", pack);
        f.put("definition", p.definitionHash());
        f.put("author", author);
        f.put("seed", seed);
        f.put("stage_settings", stageSettings);
        f.put("options", options);
        // only when on: the fingerprints of campaigns without lessons stay what they were before lessons existed
        if (lessons) f.put("lessons", lessonLines);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Json.write(f).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
