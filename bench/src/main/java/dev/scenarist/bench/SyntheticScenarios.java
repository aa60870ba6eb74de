package dev.scenarist.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Phone-assistant scenario descriptions, deterministic from a seed: 24 templates (situations) × vocabularies (people,
 * apps, places, times, things, amounts), so texts of one template share most of their words, as scenarios of one pack
 * written by one model do; plus near copies (a few words changed, dropped or added, as a model's rewording often is).
 */
final class SyntheticScenarios {
    private static final String[] PEOPLE = {"Anna", "Bruno", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
            "Kofi", "Lena", "Marta", "Nils", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Yara",
            "Zoe", "the landlord", "the dentist", "a colleague", "the neighbour", "her brother", "his manager", "the coach"};
    private static final String[] APPS = {"calendar", "contacts", "messages", "email", "notes", "reminders", "shopping", "wallet",
            "photos", "maps", "cab", "apartment listings"};
    private static final String[] PLACES = {"Lisbon", "Osaka", "the office", "the gym", "the harbour restaurant", "the airport",
            "the train station", "the library", "the clinic", "the school gate", "the rooftop bar", "the farmers market",
            "the museum", "the stadium", "the hotel lobby", "the co-working space"};
    private static final String[] TIMES = {"Monday morning", "Tuesday at noon", "Wednesday evening", "Thursday at 9", "Friday night",
            "Saturday afternoon", "Sunday brunch", "next week", "the first of June", "the end of the month", "tomorrow at 7",
            "in two hours", "after the meeting", "before the flight"};
    private static final String[] THINGS = {"dentist appointment", "team standup", "birthday dinner", "concert tickets",
            "train tickets", "yoga class", "car service", "hotel booking", "book club", "piano lesson", "vet visit", "rent payment",
            "electricity bill", "gift card", "coffee beans", "project kickoff", "moving boxes", "passport renewal", "job interview",
            "wedding rsvp", "grocery order", "parcel pickup", "bike repair", "tax documents"};
    private static final String[] TEMPLATES = {
            "The user asks the assistant to move the %T with %P from %W to %W and to tell %P about the change through %A.",
            "A message from %P says the %T is cancelled; the assistant should offer %P a new slot %W and update the note in %A.",
            "While at %L the user gets a reminder about the %T; the assistant proposes ordering it with %A before %W and paying %N.",
            "%P shares a photo taken at %L; the assistant saves it to an album, tags %P and suggests a trip there %W.",
            "The calendar shows the %T and the %T overlapping %W; the assistant asks %P which to keep and writes to %P about it.",
            "The user wants to split the %T bill of %N with %P and %P; the assistant computes the shares and requests the money in %A.",
            "An email from %P asks for the %T documents by %W; the assistant finds them in %A, attaches them and confirms the deadline.",
            "%P is running late to %L for the %T; the assistant notices the message, books a cab and tells %P the new arrival time.",
            "The user is looking for a flat near %L under %N a month; the assistant filters the apartment listings and saves two for %W.",
            "A reminder for the %T fires %W but the user is at %L; the assistant proposes to reschedule and drafts a note to %P.",
            "%P invites the user to %L %W; the assistant checks the calendar, sees the %T, and suggests declining politely via %A.",
            "The user forgot to pay the %T of %N; the assistant spots the overdue email, pays from the wallet and thanks %P.",
            "Two contacts named %P exist in %A; the assistant merges them after the user confirms which phone number is current.",
            "The assistant sees in %A that the %T at %L was moved to %W and offers to notify %P and %P.",
            "The user asks for directions to %L for the %T %W; the assistant checks the maps app, picks the train and sets a reminder.",
            "%P sends a shopping list for the %T; the assistant adds the items to the cart, applies the %N voucher and schedules delivery %W.",
            "A group chat with %P and %P plans the %T at %L; the assistant collects the votes and creates the calendar event for %W.",
            "The user wants a summary of all messages from %P about the %T; the assistant reads %A and writes three bullet points.",
            "After the %T at %L the user wants to thank %P; the assistant drafts an email and attaches the photos from %W.",
            "The wallet shows a charge of %N from %L that the user does not recognise; the assistant asks %P and flags it in %A.",
            "The user asks to find a time %W when %P and %P are both free for the %T; the assistant proposes two slots.",
            "%P asks to borrow the user's car %W; the assistant checks the calendar for the %T and replies through %A.",
            "The user needs a cab from %L to %L %W for the %T; the assistant compares two rides and books the cheaper one for %N.",
            "A new contact %P appears after the %T at %L; the assistant saves the number, adds a note and a reminder for %W."};

    private SyntheticScenarios() {}

    /** A new scenario text. */
    static String text(SplittableRandom r) {
        String t = TEMPLATES[r.nextInt(TEMPLATES.length)];
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '%' && i + 1 < t.length()) {
                out.append(switch (t.charAt(++i)) {
                    case 'P' -> pick(r, PEOPLE);
                    case 'A' -> "the " + pick(r, APPS) + " app";
                    case 'L' -> pick(r, PLACES);
                    case 'W' -> pick(r, TIMES);
                    case 'T' -> pick(r, THINGS);
                    case 'N' -> (5 + r.nextInt(400)) + " euros";
                    default -> throw new IllegalStateException("bad template " + t);
                });
            } else out.append(c);
        }
        return out.toString();
    }

    /** The text with one to three words changed, dropped or added. */
    static String nearCopy(String text, SplittableRandom r) {
        String[] w = text.split(" ");
        Set<Integer> at = new HashSet<>();
        int changes = 1 + r.nextInt(3);
        while (at.size() < Math.min(changes, w.length)) at.add(r.nextInt(w.length));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (!at.contains(i)) {
                out.add(w[i]);
                continue;
            }
            switch (r.nextInt(3)) {
                case 0 -> { } // dropped
                case 1 -> out.add(pick(r, PEOPLE)); // replaced
                default -> {
                    out.add(w[i]);
                    out.add(r.nextBoolean() ? "also" : "quickly");
                }
            }
        }
        return String.join(" ", out);
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
