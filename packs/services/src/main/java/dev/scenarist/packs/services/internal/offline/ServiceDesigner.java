package dev.scenarist.packs.services.internal.offline;

import dev.scenarist.packs.services.internal.offline.BusinessKind.Business;
import dev.scenarist.packs.services.internal.offline.Table.Column;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Chooses a run's parameters from its seed ({@link #parameters}) and turns a seed and those parameters into a
 * {@link ServiceDesign}. The (kind, business) pair is a bijection of the seed modulo 56 (8 kinds × 7 businesses), so
 * any 56 consecutive seeds give distinct pairs; with the kind fixed, the brand word keeps 50 consecutive seeds'
 * service names distinct. Everything else (ports, optional resources, columns, rows, workflows) is drawn from a
 * random stream seeded by the seed, in a fixed order, so a seed always designs the same service.
 */
public final class ServiceDesigner {
    public static final String CATEGORY = "category";
    public static final String REQUEST = "request";
    public static final String BUSINESS = "business";
    public static final String SERVICE_NAME = "service_name";

    private static final List<String> BRANDS = List.of("northside", "harbor", "maple", "riverside", "summit", "oakwood", "lakeside",
            "cedar", "brightway", "sunrise", "granite", "meadow");
    private static final List<String> PEOPLE = List.of("Ana Ruiz", "Tom Berg", "Mia Novak", "Jonas Weber", "Priya Shah", "Omar Haddad",
            "Elena Rossi", "Kenji Sato", "Lucy Park", "Nils Olsen", "Fatima Diallo", "Hugo Martin", "Sara Lindqvist", "Marco Bianchi",
            "Lena Hoffmann", "Ines Duarte");
    private static final List<String> CODE_NAMES = List.of("Atlas", "Aurora", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite",
            "Harbor", "Juniper", "Kestrel", "Lumen");
    private static final List<Integer> POSTGRES_PORTS = List.of(5432, 5433, 5434, 5440, 5450);
    private static final List<Integer> N8N_PORTS = List.of(5678, 5679, 5688);
    private static final List<String> TIMEZONES = List.of("Europe/Berlin", "Europe/Paris", "Europe/Lisbon", "Europe/Stockholm",
            "America/New_York", "America/Toronto", "Asia/Singapore", "Australia/Sydney");
    private static final List<Integer> PRICES = List.of(19, 29, 39, 49, 59, 79);
    private static final String NAME = "[a-z0-9]+(-[a-z0-9]+)*";

    private ServiceDesigner() {}

    /**
     * The run parameters ({@code category, request, business, service_name}) the pack passes for a seed, optionally
     * restricted to one category ({@code --option kind=...}).
     *
     * @throws IllegalArgumentException when {@code kind} is not one of the eight categories (the message lists them)
     */
    public static Map<String, Object> parameters(long seed, Optional<String> kind) {
        BusinessKind k;
        long rest;
        if (kind.isPresent()) {
            k = BusinessKinds.byCategory(kind.get().strip()).orElseThrow(() -> new IllegalArgumentException(
                    "kind '" + kind.get() + "' is not a services category; use one of " + String.join(", ", BusinessKinds.categories())));
            rest = seed;
        } else {
            List<BusinessKind> all = BusinessKinds.all();
            k = all.get((int) Math.floorMod(seed, (long) all.size()));
            rest = Math.floorDiv(seed, all.size());
        }
        int n = k.businesses().size();
        Business b = k.businesses().get((int) Math.floorMod(rest, (long) n));
        long cycle = Math.floorDiv(rest, n);
        // the brand varies with the seed, and within one business with each cycle through the businesses
        String brand = BRANDS.get((int) Math.floorMod(cycle + Math.floorMod(rest, (long) n), (long) BRANDS.size()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(CATEGORY, k.category());
        out.put(REQUEST, k.listing().request().replace("{business}", b.label()));
        out.put(BUSINESS, b.label());
        out.put(SERVICE_NAME, brand + "-" + b.slug() + "-" + k.listing().word());
        return out;
    }

    /** The categories {@link #parameters} draws from. */
    public static List<String> categories() {
        return BusinessKinds.categories();
    }

    /**
     * The design for a seed and a run's parameters. Missing parameters are chosen as {@link #parameters} would; a
     * business the kind does not list keeps its name but borrows the tables of a listed one.
     *
     * @throws IllegalArgumentException naming the parameter when the category is unknown or the service name is not kebab-case
     */
    static ServiceDesign design(long seed, Map<String, Object> given) {
        Object category = given.get(CATEGORY);
        Map<String, Object> defaults = parameters(seed, category == null ? Optional.empty() : Optional.of(category.toString()));
        BusinessKind kind = BusinessKinds.byCategory(defaults.get(CATEGORY).toString()).orElseThrow();
        String label = text(given, BUSINESS, defaults);
        Business business = kind.business(label).orElseGet(() -> {
            Business borrowed = kind.business(defaults.get(BUSINESS).toString()).orElseThrow();
            return new Business(label, borrowed.slug(), borrowed.provider(), borrowed.party(), borrowed.main());
        });
        String serviceName = text(given, SERVICE_NAME, defaults);
        if (!serviceName.matches(NAME)) {
            throw new IllegalArgumentException("parameter service_name '" + serviceName + "' must be kebab-case (a-z, 0-9 and single dashes)");
        }
        return draw(seed, kind, business, serviceName, text(given, REQUEST, defaults));
    }

    private static String text(Map<String, Object> given, String key, Map<String, Object> defaults) {
        Object v = given.get(key);
        return v == null || v.toString().isBlank() ? defaults.get(key).toString() : v.toString().strip();
    }

    private static ServiceDesign draw(long seed, BusinessKind kind, Business business, String serviceName, String request) {
        var rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5EED);
        int servicePort = 8400 + rng.nextInt(100);
        int postgresPort = pick(rng, POSTGRES_PORTS);
        int n8nPort = pick(rng, N8N_PORTS);
        Map<Extra, Integer> extras = new EnumMap<>(Extra.class);
        for (Extra e : Extra.values()) {
            boolean on = rng.nextInt(100) < 35;
            int port = pick(rng, e.ports());
            if (on) extras.put(e, port);
        }
        boolean partyOptional = rng.nextInt(100) < 60;
        boolean createdAt = rng.nextBoolean();
        boolean notes = rng.nextInt(100) < 40;
        boolean weekly = rng.nextBoolean();
        String timezone = pick(rng, TIMEZONES);
        int price = pick(rng, PRICES);
        String[] provider = business.provider().split("/");
        String[] party = business.party().split("/");
        String[] main = business.main().split("/");

        List<String> people = shuffled(rng, PEOPLE);
        Table providers = providerTable(rng, kind.tables().provider(), provider, people, CODE_NAMES.get(rng.nextInt(CODE_NAMES.size())));
        Table parties = partyTable(rng, kind.tables().party(), party, people.subList(4, people.size()), partyOptional);
        Table mains = mainTable(rng, kind.tables().main(), main, providers, parties, createdAt);
        Optional<Table> noteTable = notes ? Optional.of(notesTable(mains)) : Optional.empty();

        List<ServiceDesign.ThirdTest> thirds = new ArrayList<>(List.of(ServiceDesign.ThirdTest.PROVIDERS_ON_RECORD));
        if (kind.tables().main().amountColumn().isPresent()) thirds.add(ServiceDesign.ThirdTest.NO_NEGATIVE_AMOUNT);
        if (notes) thirds.add(ServiceDesign.ThirdTest.NOTES_ATTACHED);
        ServiceDesign.ThirdTest third = pick(rng, thirds);

        Map<String, String> t = new LinkedHashMap<>();
        t.put("business", business.label());
        t.put("provider", Texts.prose(provider[0]));
        t.put("providers", Texts.prose(provider[1]));
        t.put("party", Texts.prose(party[0]));
        t.put("parties", Texts.prose(party[1]));
        t.put("main", Texts.prose(main[0]));
        t.put("mains", Texts.prose(main[1]));
        t.put("provider_table", provider[1]);
        t.put("party_table", party[1]);
        t.put("main_table", main[1]);
        t.put("open", kind.tables().main().openStatus());
        t.put("intake", kind.automation().intake().workflow());
        t.put("follow_up", kind.automation().followUp().workflow());
        t.put("price", Integer.toString(price));
        var naming = new ServiceDesign.Naming(business, serviceName, request, serviceName.replace('-', '_'), new Texts(t));
        return new ServiceDesign(seed, kind, naming, new ServiceDesign.Ports(servicePort, postgresPort, n8nPort, extras),
                new ServiceDesign.Tables(providers, parties, mains, noteTable), new ServiceDesign.Choices(weekly, timezone, third));
    }

    private static Table providerTable(SplittableRandom rng, BusinessKind.ProviderShape shape, String[] names, List<String> people,
                                       String codeName) {
        int count = 2 + rng.nextInt(2);
        var extra = shape.extra();
        List<Column> columns = List.of(new Column("id", "SERIAL PRIMARY KEY"), new Column("name", "TEXT NOT NULL"),
                new Column(extra.column(), extra.type()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = shape.names().equals("person") ? people.get(i)
                    : CODE_NAMES.get((CODE_NAMES.indexOf(codeName) + i) % CODE_NAMES.size()) + " " + Texts.capitalized(Texts.prose(names[0]));
            rows.add(List.of(literal(name), extra.values().get(i % extra.values().size())));
        }
        return new Table(names[1], names[0], columns, List.of("name", extra.column()), rows);
    }

    private static Table partyTable(SplittableRandom rng, BusinessKind.PartyShape shape, String[] names, List<String> people, boolean optional) {
        int count = 3 + rng.nextInt(2);
        String key = shape.key();
        List<Column> columns = new ArrayList<>(List.of(new Column("id", "SERIAL PRIMARY KEY"), new Column("name", "TEXT NOT NULL"),
                new Column(key, "TEXT NOT NULL UNIQUE")));
        List<String> insert = new ArrayList<>(List.of("name", key));
        if (optional) {
            columns.add(new Column(shape.optional().column(), shape.optional().type()));
            insert.add(shape.optional().column());
        }
        int skuBase = 1000 + rng.nextInt(8000);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> row = new ArrayList<>();
            if (key.equals("email")) {
                String person = people.get(i);
                row.add(literal(person));
                row.add(literal(person.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org"));
            } else {
                row.add(literal(Texts.capitalized(Texts.prose(names[0])) + " " + (i + 1)));
                row.add(literal("SKU-" + (skuBase + 7 * i)));
            }
            if (optional) row.add(shape.optional().values().get(i % shape.optional().values().size()));
            rows.add(row);
        }
        return new Table(names[1], names[0], columns, insert, rows);
    }

    private static Table mainTable(SplittableRandom rng, BusinessKind.MainShape shape, String[] names, Table providers, Table parties,
                                   boolean createdAt) {
        int count = 4 + rng.nextInt(3);
        List<String> statuses = shape.statuses();
        String time = shape.timeColumn();
        boolean date = shape.timeType().equals("DATE");
        List<Column> columns = new ArrayList<>(List.of(new Column("id", "SERIAL PRIMARY KEY"),
                new Column(providers.foreignKey(), "INTEGER NOT NULL REFERENCES " + providers.name() + "(id)"),
                new Column(parties.foreignKey(), "INTEGER NOT NULL REFERENCES " + parties.name() + "(id)"),
                new Column(time, shape.timeType() + " NOT NULL")));
        List<String> insert = new ArrayList<>(List.of(providers.foreignKey(), parties.foreignKey(), time));
        shape.amountColumn().ifPresent(a -> {
            columns.add(new Column(a.column(), "INTEGER NOT NULL CHECK (" + a.column() + " >= 0)"));
            insert.add(a.column());
        });
        StringBuilder allowed = new StringBuilder();
        for (String s : statuses) allowed.append(allowed.isEmpty() ? "" : ", ").append('\'').append(s).append('\'');
        columns.add(new Column("status", "TEXT NOT NULL DEFAULT '" + shape.openStatus() + "' CHECK (status IN (" + allowed + "))"));
        insert.add("status");
        if (createdAt) columns.add(new Column("created_at", "TIMESTAMPTZ NOT NULL DEFAULT now()"));
        int firstDay = 1 + rng.nextInt(12);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(1 + i % providers.rows().size()));
            row.add(Integer.toString(1 + (i * 2 + 1) % parties.rows().size()));
            int day = firstDay + 2 * i;
            row.add(date ? String.format(Locale.ROOT, "'2026-12-%02d'", day)
                    : String.format(Locale.ROOT, "'2026-12-%02d %02d:%02d:00+01'", day, 8 + rng.nextInt(10), rng.nextBoolean() ? 0 : 30));
            shape.amountColumn().ifPresent(a -> row.add(Integer.toString(a.min() + rng.nextInt(a.max() - a.min() + 1))));
            // the last status (cancelled, void, ...) is never seeded: the open one always is, on the first row
            row.add("'" + statuses.get(i % (statuses.size() - 1)) + "'");
            rows.add(row);
        }
        return new Table(names[1], names[0], columns, insert, rows);
    }

    private static Table notesTable(Table main) {
        List<Column> columns = List.of(new Column("id", "SERIAL PRIMARY KEY"),
                new Column(main.foreignKey(), "INTEGER NOT NULL REFERENCES " + main.name() + "(id)"),
                new Column("body", "TEXT NOT NULL"), new Column("created_at", "TIMESTAMPTZ NOT NULL DEFAULT now()"));
        List<List<String>> rows = List.of(List.of("1", "'Confirmed by phone'"), List.of("2", "'Asked to be contacted by email'"));
        return new Table(main.singular() + "_notes", main.singular() + "_note", columns, List.of(main.foreignKey(), "body"), rows);
    }

    private static <T> T pick(SplittableRandom rng, List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }

    private static <T> List<T> shuffled(SplittableRandom rng, List<T> items) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) java.util.Collections.swap(out, i, rng.nextInt(i + 1));
        return out;
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
