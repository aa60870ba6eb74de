package dev.scenarist.packs.appworld.internal.offline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The random choices of one generated scenario, all from its seed: people (never the same name twice in one
 * scenario), places, dates, amounts, and one-of-several wordings. A family makes one Casting per scenario and asks it
 * in a fixed order, so the same seed casts the same scenario.
 */
public final class Casting {
    /** The phone's time format ({@code SimClock.format}): what seeds, arguments and predicates use. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private static final List<String> FIRST = List.of("Lisa", "Tom", "Priya", "Marco", "Aiko", "Daniel", "Fatima", "Jonas", "Elena",
            "Kwame", "Sofia", "Liam", "Mei", "Omar", "Hannah", "Diego", "Nora", "Ravi", "Chloe", "Mateo", "Ingrid", "Yusuf", "Clara",
            "Felix", "Amara", "Lucas", "Zoe", "Hugo", "Leila", "Viktor", "Ana", "Sebastian", "Maya", "Tariq", "Julia", "Emeka",
            "Greta", "Pablo", "Sana", "Oscar");
    private static final List<String> LAST = List.of("Park", "Nguyen", "Okafor", "Rossi", "Tanaka", "Schmidt", "Haddad", "Berg",
            "Kowalski", "Mensah", "Garcia", "Murphy", "Chen", "Farouk", "Weber", "Alvarez", "Lindqvist", "Patel", "Dubois", "Silva",
            "Novak", "Yilmaz", "Moreau", "Fischer", "Adeyemi", "Costa", "Kim", "Ortiz", "Horvat", "Jensen");
    private static final List<String> USERS = List.of("Sam Doe", "Alex Rivera", "Jordan Blake", "Morgan Lee", "Casey Brooks",
            "Riley Stone", "Taylor Quinn", "Jamie Fox", "Robin Hart", "Avery Cole");
    private static final List<String> DOMAINS = List.of("friends.org", "mail.example", "inbox.example", "post.example", "home.example");
    private static final List<String> WORK_DOMAINS = List.of("work.com", "acme.example", "northwind.example", "globex.example", "initech.example");

    private final SplittableRandom random;
    private final Set<String> usedNames = new HashSet<>();

    /** A family's casting for a seed: the family's id salts the seed, so two families never cast alike. */
    public Casting(String familyId, long seed) {
        // SplittableRandom steps its state by the golden gamma: seeding it with seed × gamma would make seed n + 1 replay
        // seed n's draws shifted by one. The SplitMix64 finaliser of the salted seed puts neighbouring seeds far apart.
        long z = seed * 0xD1B54A32D192ED03L + familyId.hashCode() * 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        this.random = new SplittableRandom(z ^ (z >>> 31));
    }

    /** Someone the scenario mentions; never the same first or full name twice in one scenario. */
    public record Person(String first, String last, String email, String phone) {
        public String full() {
            return first + " " + last;
        }
    }

    /** The phone's owner. */
    public Person user() {
        String[] name = pick(USERS).split(" ");
        usedNames.add(name[0]);
        String email = name[0].toLowerCase(Locale.ROOT) + "." + name[1].toLowerCase(Locale.ROOT) + "@" + pick(DOMAINS);
        return new Person(name[0], name[1], email, phone());
    }

    /** A friend or family member (a personal address). */
    public Person friend() {
        return person(DOMAINS);
    }

    /** A colleague (a work address). */
    public Person colleague() {
        return person(WORK_DOMAINS);
    }

    private Person person(List<String> domains) {
        for (int tries = 0; ; tries++) {
            String first = pick(FIRST);
            if (usedNames.contains(first) && tries < 200) continue;
            usedNames.add(first);
            String last = pick(LAST);
            String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + pick(domains);
            return new Person(first, last, email, phone());
        }
    }

    /** A phone number in the form the messaging app and contacts use, e.g. {@code +1 555 014 2290}. */
    public String phone() {
        return String.format(Locale.ROOT, "+1 555 %03d %04d", between(10, 999), between(0, 9999));
    }

    /** The scenario's start: a weekday morning between 2024-01-08 and 2025-12-15, on the hour or half-hour. */
    public LocalDateTime start() {
        LocalDate day = LocalDate.of(2024, 1, 8).plusDays(between(0, 700));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) day = day.plusDays(1);
        return day.atTime(between(8, 10), random.nextBoolean() ? 0 : 30);
    }

    /** A time {@code fromDays}..{@code toDays} days after {@code start}, between {@code fromHour} and {@code toHour}, on a quarter hour. */
    public LocalDateTime laterAt(LocalDateTime start, int fromDays, int toDays, int fromHour, int toHour) {
        return start.toLocalDate().plusDays(between(fromDays, toDays)).atTime(between(fromHour, toHour), 15 * between(0, 3));
    }

    /** An integer in [lo, hi]. */
    public int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    /** A price in [lo, hi] with cents, e.g. 23.49. */
    public double price(int lo, int hi) {
        return between(lo, hi - 1) + between(0, 99) / 100.0;
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** {@code n} different items of {@code options}, in random order. */
    public <T> List<T> pickDistinct(List<T> options, int n) {
        if (n > options.size()) throw new IllegalArgumentException("asked " + n + " of " + options.size());
        List<T> pool = new ArrayList<>(options);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(pool.remove(random.nextInt(pool.size())));
        return out;
    }

    /** {@code yyyy-MM-dd HH:mm:ss}. */
    public static String time(LocalDateTime t) {
        return TIME.format(t);
    }

    /** In words for a narrative, e.g. "Thursday 14 March at 19:30". */
    public static String spoken(LocalDateTime t) {
        return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + t.getDayOfMonth() + " "
                + t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at " + String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }
}
