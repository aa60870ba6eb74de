package dev.scenarist.packs.appworld.phone.apps.apartment;

import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.BOOLEAN;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.NUMBER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING_ARRAY;

/** ARE's search_apartments filters: every given filter must hold; text filters match case-insensitively. */
final class ApartmentSearch {
    private ApartmentSearch() {}

    static ToolSet.Definition params(ToolSet.Definition d) {
        return d.optional("name", STRING, "text in the listing's name")
                .optional("location", STRING, "text in the location")
                .optional("zip_code", STRING, "exact zip code")
                .optional("min_price", NUMBER, "lowest monthly price")
                .optional("max_price", NUMBER, "highest monthly price")
                .optional("number_of_bedrooms", INTEGER, "exact number of bedrooms")
                .optional("number_of_bathrooms", INTEGER, "exact number of bathrooms")
                .optional("property_type", STRING, "Apartment, Condo, House, ...")
                .optional("square_footage", INTEGER, "minimum square footage")
                .optional("furnished_status", STRING, "Furnished, Unfurnished or Semi-furnished")
                .optional("floor_level", STRING, "Ground floor, Upper floors, Penthouse, ...")
                .optional("pet_policy", STRING, "Pets allowed, No pets, Cats allowed, Dogs allowed")
                .optional("lease_term", STRING, "Month-to-month, 6 months, 1 year, Long term lease")
                .optional("amenities", STRING_ARRAY, "amenities that must all be present")
                .optional("saved_only", BOOLEAN, "only the saved apartments (default false)");
    }

    static Predicate<Apartment> filter(Args a) {
        if (a.optNumber("min_price").isPresent() && a.optNumber("max_price").isPresent() && a.optNumber("min_price").get() > a.optNumber("max_price").get()) {
            throw a.fail("min_price " + a.optNumber("min_price").get() + " is above max_price " + a.optNumber("max_price").get());
        }
        Predicate<Apartment> p = x -> true;
        p = p.and(contains(a.optString("name"), Apartment::name));
        p = p.and(contains(a.optString("location"), Apartment::location));
        p = p.and(equal(a.optString("zip_code"), Apartment::zipCode));
        p = p.and(x -> a.optNumber("min_price").map(m -> x.price() >= m).orElse(true));
        p = p.and(x -> a.optNumber("max_price").map(m -> x.price() <= m).orElse(true));
        p = p.and(x -> a.optLong("number_of_bedrooms").map(n -> x.bedrooms() == n).orElse(true));
        p = p.and(x -> a.optLong("number_of_bathrooms").map(n -> x.bathrooms() == n).orElse(true));
        p = p.and(equal(a.optString("property_type"), Apartment::propertyType));
        p = p.and(x -> a.optLong("square_footage").map(n -> x.squareFootage() >= n).orElse(true));
        p = p.and(equal(a.optString("furnished_status"), Apartment::furnishedStatus));
        p = p.and(equal(a.optString("floor_level"), Apartment::floorLevel));
        p = p.and(equal(a.optString("pet_policy"), Apartment::petPolicy));
        p = p.and(equal(a.optString("lease_term"), Apartment::leaseTerm));
        p = p.and(x -> a.strings("amenities").stream().allMatch(w -> x.amenities().stream().anyMatch(h -> h.equalsIgnoreCase(w))));
        p = p.and(x -> !a.optBoolean("saved_only").orElse(false) || x.saved());
        return p;
    }

    private static Predicate<Apartment> contains(Optional<String> want, java.util.function.Function<Apartment, String> field) {
        return x -> want.map(w -> field.apply(x).toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT))).orElse(true);
    }

    private static Predicate<Apartment> equal(Optional<String> want, java.util.function.Function<Apartment, String> field) {
        return x -> want.map(w -> field.apply(x).equalsIgnoreCase(w)).orElse(true);
    }
}
