package dev.scenarist.packs.services.internal.offline;

import java.util.Map;

/**
 * Fills the placeholders of kinds.yaml's texts: {@code {parties}} gives the value, {@code {Parties}} the value with its
 * first letter capitalized. Unknown placeholders stay, so a typo shows in the output rather than vanishing.
 */
record Texts(Map<String, String> values) {
    Texts {
        values = Map.copyOf(values);
    }

    String render(String template) {
        String out = template;
        for (var e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue()).replace("{" + capitalized(e.getKey()) + "}", capitalized(e.getValue()));
        }
        return out;
    }

    String get(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("no text value '" + key + "'");
        return v;
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The noun with its indefinite article: {@code an invoice}, {@code a client}. */
    static String a(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** {@code pet_owners} read as prose: {@code pet owners}. */
    static String prose(String identifier) {
        return identifier.replace('_', ' ');
    }
}
