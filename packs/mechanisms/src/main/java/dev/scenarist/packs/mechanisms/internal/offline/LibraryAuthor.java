package dev.scenarist.packs.mechanisms.internal.offline;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline author: no model, a library. For a run's template kind (its parameters) and seed it picks a point
 * of the template's design space, and answers each stage as a careful author would: the plan (requirements,
 * learning objective, self-verification, scale limits, the design point), the template source specialised to that
 * point, a review that checks the code against the plan, and — when validation fails — the same source (a library
 * template has no better version to offer; the run is then rejected, which the library's tests rule out).
 */
public final class LibraryAuthor implements Author {
    private final TemplateLibrary library;

    public LibraryAuthor(TemplateLibrary library) {
        this.library = library;
    }

    @Override
    public String id() {
        return "offline";
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws PermanentAuthorException {
        LibraryTemplate t = template(request.parameters());
        Map<String, Double> point = t.design().draw(request.seed());
        String stage = request.stage();
        String text = switch (stage) {
            case "plan" -> file("plan.json", Json.pretty(plan(t, point)));
            case "code", "validate" -> file("template.java", t.specialised(point));
            case "review" -> review(t, point);
            default -> throw new PermanentAuthorException("the offline mechanisms author has no answer for stage '" + stage + "'");
        };
        return new AuthorReply(text, Usage.ZERO, "offline", Duration.ZERO);
    }

    /** The plan the library template was written to: its own requirements and limits, at this design point. */
    public static Map<String, Object> plan(LibraryTemplate t, Map<String, Double> point) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("tier", t.tier());
        plan.put("kind", t.id());
        plan.put("title", t.title() + " (" + LibraryTemplate.describe(point) + ")");
        plan.put("learning_objective", t.description());
        plan.put("geometric_requirements", t.design().requirements());
        plan.put("self_verification", t.design().verification());
        plan.put("scale_limits", Map.of("x", List.of(0.5, 2.0), "y", List.of(0.5, 2.0), "z", List.of(0.5, 2.0)));
        plan.put("design", point);
        return plan;
    }

    private static String review(LibraryTemplate t, Map<String, Double> point) {
        StringBuilder b = new StringBuilder();
        b.append("Review of ").append(t.className()).append(" against plan.json (").append(t.id()).append(", tier ").append(t.tier()).append(").\n");
        b.append("- The class implements Template, draws every random number from new Rng(seed) and scales lengths per axis.\n");
        b.append("- Design point ").append(LibraryTemplate.describe(point)).append(" lies inside the design grid:");
        for (var c : t.design().constants()) {
            b.append(' ').append(c.name()).append(" in [").append(DesignSpace.format(c.min())).append(", ").append(DesignSpace.format(c.max())).append(']');
        }
        b.append(".\n- Requirements covered: ").append(String.join("; ", t.design().requirements())).append(".\n");
        b.append("- Validation must confirm: ").append(String.join("; ", t.design().verification())).append('.');
        return b.toString();
    }

    private LibraryTemplate template(Map<String, Object> parameters) throws PermanentAuthorException {
        Object kind = parameters.get("kind");
        return library.all().stream().filter(t -> t.id().equals(kind)).findFirst()
                .orElseThrow(() -> new PermanentAuthorException("the offline library has no template '" + kind + "'"));
    }

    private static String file(String path, String content) {
        return "<file path=\"" + path + "\">\n" + content + (content.endsWith("\n") ? "" : "\n") + "</file>\n";
    }
}
