package dev.scenarist.packs.appworld.phone.apps.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.appworld.phone.tools.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The editable fields of a contact, by their ARE names, and how to apply a JSON value to each. One table serves
 * {@code edit_contact}'s {@code updates} object and seeding, so both reject the same things with the same words.
 */
final class ContactFields {
    static final List<String> GENDERS = List.of("Male", "Female", "Other", "Unknown");
    static final List<String> STATUSES = List.of("Student", "Employed", "Unemployed", "Retired", "Unknown");
    static final List<String> NAMES = List.of("first_name", "last_name", "gender", "age", "nationality", "city_living", "country",
            "status", "job", "description", "phone", "email", "address");

    private ContactFields() {}

    /**
     * Applies one field; {@code problem} turns a complaint into the caller's exception (a tool error or a seed error).
     */
    static Contact apply(Contact c, String field, JsonNode v, Function<String, RuntimeException> problem) {
        if (!NAMES.contains(field)) throw problem.apply("unknown field '" + field + "'; " + Suggestions.hint(field, NAMES));
        if (field.equals("age")) {
            if (!v.isNull() && !v.isIntegralNumber()) throw problem.apply("field 'age' must be an integer, got " + v);
            if (!v.isNull() && (v.asLong() < 0 || v.asLong() > 150)) throw problem.apply("field 'age' must be 0..150, got " + v);
            Optional<Long> age = v.isNull() ? Optional.empty() : Optional.of(v.asLong());
            return new Contact(c.contactId(), c.firstName(), c.lastName(), c.isUser(), c.gender(), age, c.nationality(), c.cityLiving(),
                    c.country(), c.status(), c.job(), c.description(), c.phone(), c.email(), c.address());
        }
        if (!v.isNull() && !v.isTextual()) throw problem.apply("field '" + field + "' must be a string, got " + v);
        Optional<String> s = v.isNull() ? Optional.empty() : Optional.of(v.asText());
        return switch (field) {
            case "first_name" -> named(c, required(field, s, problem), c.lastName());
            case "last_name" -> named(c, c.firstName(), required(field, s, problem));
            case "gender" -> withGender(c, oneOf(field, s.orElse("Unknown"), GENDERS, problem));
            case "status" -> withStatus(c, oneOf(field, s.orElse("Unknown"), STATUSES, problem));
            default -> withText(c, field, s);
        };
    }

    private static String required(String field, Optional<String> s, Function<String, RuntimeException> problem) {
        if (s.isEmpty() || s.get().isBlank()) throw problem.apply("field '" + field + "' must not be empty");
        return s.get();
    }

    private static String oneOf(String field, String value, List<String> valid, Function<String, RuntimeException> problem) {
        if (!valid.contains(value)) throw problem.apply("field '" + field + "' is \"" + value + "\"; valid values: " + String.join(", ", valid));
        return value;
    }

    private static Contact named(Contact c, String first, String last) {
        return new Contact(c.contactId(), first, last, c.isUser(), c.gender(), c.age(), c.nationality(), c.cityLiving(), c.country(),
                c.status(), c.job(), c.description(), c.phone(), c.email(), c.address());
    }

    private static Contact withGender(Contact c, String g) {
        return new Contact(c.contactId(), c.firstName(), c.lastName(), c.isUser(), g, c.age(), c.nationality(), c.cityLiving(), c.country(),
                c.status(), c.job(), c.description(), c.phone(), c.email(), c.address());
    }

    private static Contact withStatus(Contact c, String st) {
        return new Contact(c.contactId(), c.firstName(), c.lastName(), c.isUser(), c.gender(), c.age(), c.nationality(), c.cityLiving(),
                c.country(), st, c.job(), c.description(), c.phone(), c.email(), c.address());
    }

    private static Contact withText(Contact c, String field, Optional<String> s) {
        return new Contact(c.contactId(), c.firstName(), c.lastName(), c.isUser(), c.gender(), c.age(),
                field.equals("nationality") ? s : c.nationality(), field.equals("city_living") ? s : c.cityLiving(),
                field.equals("country") ? s : c.country(), c.status(), field.equals("job") ? s : c.job(),
                field.equals("description") ? s : c.description(), field.equals("phone") ? s : c.phone(),
                field.equals("email") ? s : c.email(), field.equals("address") ? s : c.address());
    }
}
