package dev.scenarist.packs.appworld.phone.apps.cab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.EntityTable;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Param;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;

/**
 * ARE's CabApp. Prices are deterministic: distance (seeded per route, else derived from the place names) times the
 * service's rate; ARE draws distances and delays at random, which would make two runs differ.
 */
public final class CabApp implements PhoneApp {
    public static final String NAME = "CabApp";
    static final String HOME = "cab_home";
    static final List<String> SERVICES = List.of("Default", "Premium", "Van");
    static final List<String> STATUSES = List.of("BOOKED", "DELAYED", "ARRIVED_AT_PICKUP", "IN_PROGRESS");
    private static final Map<String, Double> RATE_PER_KM = Map.of("Default", 1.0, "Premium", 2.0, "Van", 1.5);
    private static final double KM_PER_MINUTE = 0.5;

    private final AppContext ctx;
    private final EntityTable<Ride> rides;
    private final EntityTable<Ride> quotations;
    private final Map<String, Double> distances = new TreeMap<>();

    public CabApp(AppContext ctx) {
        this.ctx = ctx;
        this.rides = ctx.table(NAME, "ride");
        this.quotations = ctx.table(NAME, "quotation");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.of(NAME, HOME);
    }

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        route(t.agent("get_quotation", "Price and duration of a ride, without booking it."))
                .param(Param.required("service_type", STRING, "service").oneOf(SERVICES))
                .alsoUserOn(HOME)
                .handle(a -> quote(a, a.string("service_type")));
        route(t.agent("list_rides", "Quotations for every service type on a route."))
                .alsoUserOn(HOME)
                .handle(a -> SERVICES.stream().map(s -> quote(a, s)).toList());
        route(t.agent("order_ride", "Book a ride. Only one ride can be under way at a time."))
                .param(Param.required("service_type", STRING, "service").oneOf(SERVICES))
                .alsoUserOn(HOME)
                .handle(this::order);
        t.agent("user_cancel_ride", "Cancel the ride under way.")
                .alsoUserOn(HOME)
                .handle(a -> {
                    Ride r = current().orElseThrow(() -> a.fail("there is no ride under way to cancel"));
                    rides.put(r.rideId(), r.withStatus("CANCELLED", "Cancelled by the user"));
                    return "Ride " + r.rideId() + " cancelled";
                });
        t.agent("get_current_ride_status", "The ride under way.")
                .alsoUserOn(HOME)
                .handle(a -> current().orElseThrow(() -> a.fail("there is no ride under way")));
        t.agent("get_ride_history", "Booked rides, most recent first.")
                .optional("offset", INTEGER, "index of the first ride (default 0)")
                .optional("limit", INTEGER, "how many rides (default 10)")
                .alsoUserOn(HOME)
                .handle(a -> history().stream().skip(a.nonNegative("offset", 0)).limit(a.nonNegative("limit", 10)).toList());
        t.agent("get_ride", "One ride of the history by position (0 = most recent).")
                .required("idx", INTEGER, "position in the history")
                .handle(a -> {
                    List<Ride> h = history();
                    long i = a.longValue("idx", 0);
                    if (i < 0 || i >= h.size()) throw a.fail("argument 'idx' is " + i + "; the history has " + h.size() + " rides");
                    return h.get((int) i);
                });
        t.env("update_ride_status", "The ride under way changes status (driver delayed, arrived, ...).", "Ride status updated to {status}: {message}")
                .param(Param.required("status", STRING, "new status").oneOf(STATUSES))
                .optional("message", STRING, "what the driver says")
                .handle(a -> changeRide(a, a.string("status"), a.string("message", "")));
        t.env("cancel_ride", "The driver or the service cancels the ride under way.", "Ride cancelled by {who_cancel}: {message}")
                .optional("who_cancel", STRING, "who cancels (default: driver)")
                .optional("message", STRING, "why")
                .handle(a -> changeRide(a, "CANCELLED", a.string("message", "")));
        t.env("end_ride", "The ride under way arrives.", "Ride completed")
                .handle(a -> changeRide(a, "COMPLETED", ""));
        return t.build();
    }

    private static ToolSet.Definition route(ToolSet.Definition d) {
        return d.required("start_location", STRING, "pick-up place")
                .required("end_location", STRING, "destination")
                .optional("ride_time", STRING, "pick-up time YYYY-MM-DD HH:MM:SS (default now)");
    }

    private Optional<Ride> current() {
        return rides.values().stream().filter(Ride::active).findFirst();
    }

    private List<Ride> history() {
        return rides.values().stream().sorted(Comparator.comparing(Ride::timeStamp).reversed().thenComparing(Ride::rideId, Comparator.reverseOrder())).toList();
    }

    private Ride priced(Args a, String id, String status, String service) {
        String from = a.text("start_location");
        String to = a.text("end_location");
        if (from.equalsIgnoreCase(to)) throw a.fail("start_location and end_location are the same place (\"" + from + "\")");
        Instant at = a.optDatetime("ride_time").orElse(ctx.clock().now());
        if (at.isBefore(ctx.clock().now())) throw a.fail("argument 'ride_time' is in the past; it must be now or later");
        double km = distance(from, to);
        double price = Math.round(km * RATE_PER_KM.get(service) * 100.0) / 100.0;
        return new Ride(id, status, service, from, to, price, Math.round(km / KM_PER_MINUTE * 10.0) / 10.0, at, km, "");
    }

    private Ride quote(Args a, String service) {
        Ride q = priced(a, quotations.newId("quotation"), "QUOTED", service);
        quotations.put(q.rideId(), q);
        return q;
    }

    private Ride order(Args a) {
        current().ifPresent(r -> {
            throw a.fail("ride '" + r.rideId() + "' is already under way (" + r.status() + "); user_cancel_ride first");
        });
        Ride r = priced(a, rides.newId("ride"), "BOOKED", a.string("service_type"));
        rides.put(r.rideId(), r);
        return r;
    }

    private String changeRide(Args a, String status, String message) {
        Ride r = current().orElseThrow(() -> a.fail("there is no ride under way"));
        rides.put(r.rideId(), r.withStatus(status, message));
        return r.rideId();
    }

    /** Seeded distance of the route (either direction), else 2–40 km derived from the names (String.hashCode is specified). */
    double distance(String from, String to) {
        String key = key(from, to);
        Double seeded = distances.get(key);
        if (seeded != null) return seeded;
        return 2 + Math.floorMod(key.hashCode(), 381) / 10.0;
    }

    private static String key(String a, String b) {
        String x = a.trim().toLowerCase(Locale.ROOT);
        String y = b.trim().toLowerCase(Locale.ROOT);
        return x.compareTo(y) <= 0 ? x + " | " + y : y + " | " + x;
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("routes", "rides"));
        distances.clear();
        rides.clear();
        quotations.clear();
        for (SeedNode r : node.list("routes")) {
            r.object(Set.of("start_location", "end_location", "distance_km"));
            double km = r.number("distance_km");
            if (km <= 0) throw r.at("distance_km", "must be more than 0, got " + km);
            distances.put(key(r.string("start_location"), r.string("end_location")), km);
        }
        for (SeedNode r : node.list("rides")) {
            r.object(Set.of("ride_id", "status", "service_type", "start_location", "end_location", "price", "duration", "time_stamp", "distance_km"));
            String id = r.optString("ride_id").orElseGet(() -> rides.newId("ride"));
            String service = r.string("service_type", "Default");
            if (!SERVICES.contains(service)) throw r.at("service_type", "\"" + service + "\"; valid: " + String.join(", ", SERVICES));
            String status = r.string("status", "COMPLETED");
            if (!STATUSES.contains(status) && !status.equals("COMPLETED") && !status.equals("CANCELLED")) {
                throw r.at("status", "\"" + status + "\"; valid: " + String.join(", ", STATUSES) + ", COMPLETED, CANCELLED");
            }
            String from = r.string("start_location");
            String to = r.string("end_location");
            double km = r.number("distance_km", distance(from, to));
            rides.load(id, new Ride(id, status, service, from, to, r.number("price", km * RATE_PER_KM.get(service)),
                    r.number("duration", km / KM_PER_MINUTE), r.instant("time_stamp", ctx.clock().now()), km, ""));
        }
        if (rides.values().stream().filter(Ride::active).count() > 1) throw node.at("rides", "at most one ride can be under way (not COMPLETED or CANCELLED)");
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.set("rides", rides.snapshot());
        o.set("quotations", quotations.snapshot());
        ObjectNode routes = o.putObject("routes");
        distances.forEach(routes::put);
        return o;
    }
}
