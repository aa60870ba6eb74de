package dev.scenarist.packs.mechanisms.scene;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a template is: a stable id, its tier (1 static spatial, 2 kinematic, 3 actuated multi-body), a title and a
 * description for people, and the scale limits the randomizer must respect.
 */
public record TemplateInfo(String id, int tier, String title, String description, ScaleLimits scaleLimits) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public TemplateInfo {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("template id '" + id + "' must be 1-64 characters of a-z 0-9 _ -");
        }
        if (tier < 1 || tier > 3) throw new IllegalArgumentException("tier must be 1, 2 or 3, was " + tier);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        scaleLimits = scaleLimits == null ? ScaleLimits.DEFAULT : scaleLimits;
    }
}
