package dev.scenarist.packs.services.internal.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan's rubric scores, one integer 0..{@value Rubric#MAX} per {@link Criterion} in criterion order, with the
 * critic's notes — what {@link Rubric#evaluate} computes and what a critic replies as
 * {@code {"scores": {"completeness": 4, ...}, "notes": "..."}}.
 *
 * @param scores by {@link Criterion#key()}, every criterion present, in criterion order
 */
public record RubricScore(Map<String, Integer> scores, String notes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RubricScore {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Criterion c : Criterion.values()) {
            Integer s = scores.get(c.key());
            if (s == null) throw new IllegalArgumentException("no score for criterion " + c.key());
            if (s < 0 || s > Rubric.MAX) throw new IllegalArgumentException("score of " + c.key() + " is " + s + ", outside 0.." + Rubric.MAX);
            ordered.put(c.key(), s);
        }
        if (scores.size() != ordered.size()) throw new IllegalArgumentException("unknown criteria in " + scores.keySet());
        scores = java.util.Collections.unmodifiableMap(ordered);
        notes = notes == null ? "" : notes;
    }

    public int score(Criterion c) {
        return scores.get(c.key());
    }

    /** The points over all criteria, 0..25. */
    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The refine stage's score: the mean criterion score over {@value Rubric#MAX}, in [0,1]. */
    public double normalized() {
        return total() / (double) (Rubric.MAX * Criterion.values().length);
    }

    /** The critic's reply format. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("scores");
        scores.forEach(s::put);
        root.put("notes", notes);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a critic's reply strictly: one JSON object (a Markdown code fence or text around it is tolerated, since
     * models add them) with {@code scores} holding every criterion as an integer 0..5; {@code notes} optional text.
     *
     * @throws RubricReplyException naming the criterion at fault, or the reply's shape, and what was expected
     */
    public static RubricScore parse(String reply) throws RubricReplyException {
        String text = reply == null ? "" : reply;
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new RubricReplyException(null, "the rubric reply holds no JSON object; expected {\"scores\": {" + expectedKeys() + "}, \"notes\": \"...\"}");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            throw new RubricReplyException(null, "the rubric reply is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode scores = root.path("scores");
        if (!scores.isObject()) throw new RubricReplyException(null, "the rubric reply has no \"scores\" object; expected {" + expectedKeys() + "}");
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Criterion c : Criterion.values()) {
            JsonNode v = scores.get(c.key());
            if (v == null || v.isNull()) throw new RubricReplyException(c.key(), "the rubric reply has no score for \"" + c.key() + "\"; give it an integer 0..5");
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > Rubric.MAX) {
                throw new RubricReplyException(c.key(), "the score of \"" + c.key() + "\" is " + v + "; it must be an integer 0..5");
            }
            out.put(c.key(), v.asInt());
        }
        var extra = new java.util.ArrayList<String>();
        scores.fieldNames().forEachRemaining(k -> {
            if (Criterion.ofKey(k).isEmpty()) extra.add(k);
        });
        if (!extra.isEmpty()) {
            throw new RubricReplyException(extra.getFirst(), "the rubric reply scores an unknown criterion \"" + extra.getFirst()
                    + "\"; the criteria are " + expectedKeys());
        }
        JsonNode notes = root.path("notes");
        if (!notes.isMissingNode() && !notes.isNull() && !notes.isTextual()) throw new RubricReplyException(null, "the rubric reply's \"notes\" must be text");
        return new RubricScore(out, notes.isTextual() ? notes.asText() : "");
    }

    private static String expectedKeys() {
        StringBuilder b = new StringBuilder();
        for (Criterion c : Criterion.values()) b.append(b.isEmpty() ? "" : ", ").append('"').append(c.key()).append("\": 0..5");
        return b.toString();
    }
}
