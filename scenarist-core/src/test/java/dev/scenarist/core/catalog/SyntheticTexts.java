package dev.scenarist.core.catalog;

import java.util.List;
import java.util.SplittableRandom;

/** Scenario-like texts from templates × vocabularies, deterministic from a seed, and near-duplicates of them. */
final class SyntheticTexts {
    private static final List<String> TEMPLATES = List.of(
            "The user asks the assistant to move the %s with %s from %s to %s and to tell %s about the change by %s",
            "A message from %s says the %s is cancelled; the assistant should offer %s a new slot on %s and update the %s note in %s",
            "While shopping for %s the user gets a reminder about the %s; the assistant proposes ordering it from %s before %s and paying with %s in %s",
            "%s shares a photo of the %s; the assistant saves it to the %s album, tags %s and plans a %s trip for %s",
            "The calendar shows two overlapping events, the %s and the %s; the assistant asks %s which to keep and writes to %s on %s about %s",
            "The user wants to split the %s bill with %s and %s; the assistant computes shares, requests money through %s and files the receipt under %s on %s");
    private static final List<String> WORDS = List.of("dentist appointment", "team standup", "birthday dinner", "Anna", "Bruno", "Chen",
            "Dmitri", "Elena", "Farid", "Monday", "Tuesday", "Friday morning", "next week", "Lisbon", "Osaka", "the office", "the gym",
            "groceries", "train tickets", "concert", "Venmo", "PayPal", "bank transfer", "notes app", "email", "chat", "hiking",
            "weekend", "family", "project kickoff", "yoga class", "car service", "flight", "hotel booking", "museum visit", "book club",
            "piano lesson", "vet visit", "plumber", "rent", "electricity bill", "gift card", "coffee beans", "the landlord", "Grace",
            "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Marta", "Nils", "Omar", "Priya", "June", "December", "Sunday evening", "noon");

    private SyntheticTexts() {}

    static String text(SplittableRandom r) {
        String t = TEMPLATES.get(r.nextInt(TEMPLATES.size()));
        Object[] slots = new Object[6];
        for (int i = 0; i < slots.length; i++) slots[i] = WORDS.get(r.nextInt(WORDS.size())) + (r.nextInt(3) == 0 ? " " + (1 + r.nextInt(28)) : "");
        return String.format(t, slots);
    }

    /** The text with one or two words changed, dropped or added: what a model's rewording of it often is. */
    static String nearCopy(String text, SplittableRandom r) {
        String[] w = text.split(" ");
        StringBuilder b = new StringBuilder();
        int changes = 1 + r.nextInt(2);
        java.util.Set<Integer> at = new java.util.HashSet<>();
        while (at.size() < changes) at.add(r.nextInt(w.length));
        for (int i = 0; i < w.length; i++) {
            if (at.contains(i)) {
                int what = r.nextInt(3);
                if (what == 0) continue; // dropped
                if (what == 1) b.append(WORDS.get(r.nextInt(WORDS.size()))).append(' '); // replaced
                else b.append(w[i]).append(" really "); // added
                continue;
            }
            b.append(w[i]).append(' ');
        }
        return b.toString().strip();
    }
}
