package dev.scenarist.server.pages.config;

import dev.scenarist.server.CampaignRequests.FieldError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the configuration panel holds, as typed: every input by its name, which is the request's JSON path
 * ({@code budget.max_runs}, {@code models.stages.describe.model}) so that a {@link FieldError} from
 * {@code CampaignRequests.prepare} lands next to the input it is about. Empty inputs are left out of the request, so
 * the defaults of {@code scenarist generate} apply.
 *
 * @param values       single-valued inputs by name, as typed
 * @param approveAfter the stages ticked for an approval gate
 */
public record CampaignForm(Map<String, String> values, List<String> approveAfter) {
    /** Inputs that are not part of the request: the button pressed, the preview shown, the CSRF field. */
    private static final Set<String> NOT_REQUEST = Set.of("action", "preview", "_csrf", "approve_after", "options", "lessons");
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,12})?");
    private static final Set<String> WHOLE_FIELDS = Set.of("count", "seed", "concurrency", "budget.max_runs", "budget.max_tokens");
    private static final Set<String> DECIMAL_FIELDS = Set.of("budget.max_cost_usd");
    /** How many scenarios "Generate 3 as a preview" asks for. */
    public static final int PREVIEW_COUNT = 3;

    public CampaignForm {
        values = Map.copyOf(values);
        approveAfter = List.copyOf(approveAfter);
    }

    public static final CampaignForm DEFAULTS = new CampaignForm(Map.of("count", "10", "author", "offline", "concurrency", "4"), List.of());

    /** The form from request parameters (a post's form fields, or a link's query that fills the form in again). */
    public static CampaignForm of(Map<String, List<String>> params) {
        Map<String, String> v = new LinkedHashMap<>();
        params.forEach((k, list) -> {
            if (!k.equals("approve_after") && !list.isEmpty()) v.put(k, list.getFirst());
        });
        return new CampaignForm(v, params.getOrDefault("approve_after", List.of()).stream().filter(s -> !s.isBlank()).toList());
    }

    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean lessons() {
        return !get("lessons").isEmpty();
    }

    /** The same form with one value changed. */
    public CampaignForm with(String name, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(name, value);
        return new CampaignForm(v, approveAfter);
    }

    /** The category a preview of this form gets: the form's own, marked as a preview. */
    public String previewCategory() {
        String c = get("category").strip();
        return c.isEmpty() ? "preview" : c + " preview";
    }

    /** Problems the form itself can see before the request is checked (a line of options that is not key=value). */
    public List<FieldError> ownErrors() {
        List<FieldError> errors = new ArrayList<>();
        for (String line : get("options").split("\\R")) {
            if (line.isBlank()) continue;
            if (line.indexOf('=') <= 0) {
                errors.add(new FieldError("options", "the line '" + line.strip() + "' is not key=value", "write one option a line, e.g. family=2"));
            }
        }
        return errors;
    }

    /**
     * The JSON request {@code POST /api/campaigns} would get: dotted names become nested objects; whole numbers and
     * decimals where the request wants them are sent as numbers, anything else as typed (so the request's own check
     * names the bad value).
     *
     * @param count the number to ask for (the form's own, or {@link #PREVIEW_COUNT} for a preview)
     */
    public Map<String, Object> request(String count, String category) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            String name = e.getKey();
            String value = e.getValue().strip();
            if (NOT_REQUEST.contains(name) || value.isEmpty()) continue;
            put(body, name, typed(name, value));
        }
        put(body, "count", typed("count", count.strip()));
        if (category.isBlank()) body.remove("category");
        else body.put("category", category.strip());
        Map<String, String> options = new LinkedHashMap<>();
        for (String line : get("options").split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) options.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        if (!options.isEmpty()) body.put("options", options);
        if (!approveAfter.isEmpty()) body.put("approve_after", approveAfter);
        if (lessons()) body.put("lessons", true);
        body.put("start", true);
        return body;
    }

    /** The form as a query string, to show it filled in again (after a preview was started). */
    public String query() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            if (k.equals("_csrf") || k.equals("action") || v.isEmpty()) return;
            append(b, k, v);
        });
        approveAfter.forEach(s -> append(b, "approve_after", s));
        return b.toString();
    }

    private static void append(StringBuilder b, String k, String v) {
        if (!b.isEmpty()) b.append('&');
        b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }

    private static Object typed(String name, String value) {
        boolean whole = WHOLE_FIELDS.contains(name) || name.endsWith(".max_tokens") || name.startsWith("attempts.") || name.startsWith("refine_rounds.");
        boolean decimal = DECIMAL_FIELDS.contains(name) || name.endsWith(".temperature");
        if (whole && WHOLE.matcher(value).matches()) return Long.parseLong(value);
        if (decimal && DECIMAL.matcher(value).matches()) return Double.parseDouble(value);
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> m = body;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = m.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map)) return; // a name that is both a value and a group: the value wins
            m = (Map<String, Object>) next;
        }
        m.put(parts[parts.length - 1], value);
    }
}
