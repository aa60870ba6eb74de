package dev.scenarist.packs.appworld.phone.apps.apartment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.EntityTable;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.NUMBER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING_ARRAY;

/** ARE's ApartmentListingApp: listings to search, and the user's saved ones. */
public final class ApartmentListingApp implements PhoneApp {
    public static final String NAME = "ApartmentListingApp";
    static final String LIST = "apartment_list";
    static final String DETAIL = "apartment_detail";

    private final AppContext ctx;
    private final EntityTable<Apartment> apartments;

    public ApartmentListingApp(AppContext ctx) {
        this.ctx = ctx;
        this.apartments = ctx.table(NAME, "apartment");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.of(NAME, LIST);
    }

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        t.agent("list_all_apartments", "Every listing, by id.")
                .alsoUserOn(LIST)
                .handle(a -> apartments.snapshot());
        t.agent("get_apartment_details", "One listing.")
                .required("apartment_id", STRING, "id of the apartment")
                .handle(a -> apartments.require(a, "apartment_id"));
        t.agent("save_apartment", "Add a listing to the saved apartments.")
                .required("apartment_id", STRING, "id of the apartment")
                .handle(a -> save(a, apartments.require(a, "apartment_id"), true));
        t.agent("remove_saved_apartment", "Remove a listing from the saved apartments.")
                .required("apartment_id", STRING, "id of the apartment")
                .handle(a -> save(a, apartments.require(a, "apartment_id"), false));
        t.agent("list_saved_apartments", "The saved listings, by id.")
                .alsoUserOn(LIST)
                .handle(a -> matching(x -> x.saved()));
        ApartmentSearch.params(t.agent("search_apartments", "Listings matching every given filter."))
                .alsoUserOn(LIST)
                .handle(a -> matching(ApartmentSearch.filter(a)));
        t.env("add_new_apartment", "A new listing appears.", "New apartment listed: {name} ({location}) at {price} per month")
                .required("name", STRING, "listing name")
                .required("location", STRING, "location")
                .required("zip_code", STRING, "zip code")
                .required("price", NUMBER, "monthly price")
                .required("number_of_bedrooms", INTEGER, "bedrooms")
                .required("number_of_bathrooms", INTEGER, "bathrooms")
                .required("square_footage", INTEGER, "square footage")
                .optional("property_type", STRING, "Apartment, Condo, House, ...")
                .optional("furnished_status", STRING, "Furnished, Unfurnished or Semi-furnished")
                .optional("floor_level", STRING, "floor level")
                .optional("pet_policy", STRING, "pet policy")
                .optional("lease_term", STRING, "lease term")
                .optional("amenities", STRING_ARRAY, "amenities")
                .handle(this::add);
        t.env("update_apartment", "A listing's price changes.", "Apartment {apartment_id} price updated to {new_price}")
                .required("apartment_id", STRING, "id of the apartment")
                .required("new_price", NUMBER, "new monthly price")
                .handle(a -> {
                    Apartment x = apartments.require(a, "apartment_id");
                    double p = a.optNumber("new_price").orElseThrow();
                    if (p < 0) throw a.fail("argument 'new_price' must be 0 or more, got " + p);
                    apartments.put(x.apartmentId(), x.withPrice(p));
                    return x.apartmentId();
                });
        t.env("delete_apartment", "A listing is taken down.", "Apartment {apartment_id} removed")
                .required("apartment_id", STRING, "id of the apartment")
                .handle(a -> {
                    apartments.remove(apartments.require(a, "apartment_id").apartmentId());
                    return "removed";
                });
        t.user("open_apartment", "Open a listing.", LIST)
                .required("apartment_id", STRING, "id of the apartment")
                .handle(a -> {
                    Apartment x = apartments.require(a, "apartment_id");
                    ctx.navigation().push(Screen.of(NAME, DETAIL, "apartment_id", x.apartmentId()));
                    return x;
                });
        t.user("save", "Save the listing shown.", DETAIL)
                .handle(a -> save(a, shown(a), true));
        t.user("unsave", "Remove the listing shown from the saved ones.", DETAIL)
                .handle(a -> save(a, shown(a), false));
        return t.build();
    }

    private Apartment shown(Args a) {
        return apartments.require(a, "apartment_id", a.screen().param("apartment_id"));
    }

    private String save(Args a, Apartment x, boolean saved) {
        if (x.saved() == saved) throw a.fail("apartment '" + x.apartmentId() + "' is " + (saved ? "already saved" : "not saved"));
        apartments.put(x.apartmentId(), x.withSaved(saved));
        return saved ? "Successfully saved apartment" : "Successfully removed apartment from favorites";
    }

    private Map<String, Apartment> matching(java.util.function.Predicate<Apartment> p) {
        Map<String, Apartment> out = new LinkedHashMap<>();
        apartments.values().stream().filter(p).forEach(x -> out.put(x.apartmentId(), x));
        return out;
    }

    private String add(Args a) {
        double price = a.optNumber("price").orElseThrow();
        if (price < 0) throw a.fail("argument 'price' must be 0 or more, got " + price);
        String id = apartments.newId("apartment");
        apartments.put(id, new Apartment(id, a.text("name"), a.text("location"), a.string("zip_code"), price,
                a.longValue("number_of_bedrooms", 0), a.longValue("number_of_bathrooms", 0), a.string("property_type", ""),
                a.longValue("square_footage", 0), a.string("furnished_status", ""), a.string("floor_level", ""), a.string("pet_policy", ""),
                a.string("lease_term", ""), a.strings("amenities"), false));
        return id;
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("apartments"));
        apartments.clear();
        for (SeedNode n : node.list("apartments")) {
            n.object(Set.of("apartment_id", "name", "location", "zip_code", "price", "number_of_bedrooms", "number_of_bathrooms", "property_type",
                    "square_footage", "furnished_status", "floor_level", "pet_policy", "lease_term", "amenities", "saved"));
            String id = n.optString("apartment_id").orElseGet(() -> apartments.newId("apartment"));
            if (apartments.contains(id)) throw n.at("apartment_id", "duplicate apartment id '" + id + "'");
            double price = n.number("price");
            if (price < 0) throw n.at("price", "must be 0 or more, got " + price);
            apartments.load(id, new Apartment(id, n.string("name"), n.string("location"), n.string("zip_code", ""), price,
                    n.integer("number_of_bedrooms", 1), n.integer("number_of_bathrooms", 1), n.string("property_type", "Apartment"),
                    n.integer("square_footage", 0), n.string("furnished_status", ""), n.string("floor_level", ""), n.string("pet_policy", ""),
                    n.string("lease_term", ""), n.strings("amenities"), n.bool("saved", false)));
        }
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.set("apartments", apartments.snapshot());
        return o;
    }
}
