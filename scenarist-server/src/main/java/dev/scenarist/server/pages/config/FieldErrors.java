package dev.scenarist.server.pages.config;

import dev.scenarist.server.CampaignRequests.FieldError;
import dev.scenarist.server.pages.Html;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused request's field errors, placed next to the inputs they are about. An error's field is a JSON path; it
 * belongs to the input of the same name, or to the input whose name is the longest prefix of it
 * ({@code budget.max_wall} → {@code budget.max_wall}; {@code options.family} → {@code options}). What matches no input
 * is shown above the form, so no message is lost.
 */
public final class FieldErrors {
    private final Map<String, List<FieldError>> byInput = new LinkedHashMap<>();
    private final List<FieldError> general = new ArrayList<>();

    public static final FieldErrors NONE = new FieldErrors(List.of(), List.of());

    public FieldErrors(List<FieldError> errors, Collection<String> inputs) {
        for (FieldError e : errors) {
            String input = inputFor(e.field(), inputs);
            if (input == null) general.add(e);
            else byInput.computeIfAbsent(input, k -> new ArrayList<>()).add(e);
        }
    }

    static String inputFor(String field, Collection<String> inputs) {
        if (field == null || field.isEmpty()) return null;
        String best = null;
        for (String in : inputs) {
            boolean fits = field.equals(in) || field.startsWith(in + ".") || field.startsWith(in + "[");
            if (fits && (best == null || in.length() > best.length())) best = in;
        }
        return best;
    }

    public boolean any() {
        return !byInput.isEmpty() || !general.isEmpty();
    }

    public boolean has(String input) {
        return byInput.containsKey(input);
    }

    /** The messages under one input (empty when it has none). */
    public String under(String input) {
        List<FieldError> list = byInput.get(input);
        if (list == null) return "";
        StringBuilder b = new StringBuilder();
        for (FieldError e : list) b.append(message(e, input));
        return b.toString();
    }

    /** The messages that belong to no input, above the form. */
    public String general() {
        if (general.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<div class=\"notice error\" id=\"form-errors\" role=\"alert\"><b>The campaign was not created.</b>");
        for (FieldError e : general) {
            b.append("<div>").append(e.field().isEmpty() ? "" : "<code>" + Html.escape(e.field()) + "</code>: ").append(Html.escape(e.problem()))
                    .append(e.fix().isEmpty() ? "" : " — " + Html.escape(e.fix())).append("</div>");
        }
        return b.append("</div>").toString();
    }

    private static String message(FieldError e, String input) {
        return "<div class=\"error\" data-error-for=\"" + Html.escape(input) + "\">" + Html.escape(e.problem())
                + (e.field().equals(input) || e.field().isEmpty() ? "" : " <code>(" + Html.escape(e.field()) + ")</code>")
                + (e.fix().isEmpty() ? "" : "<span class=\"fix\">Fix: " + Html.escape(e.fix()) + "</span>") + "</div>";
    }
}
