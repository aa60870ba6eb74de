package dev.scenarist.core.lessons;

import dev.scenarist.core.analytics.Analytics;
import dev.scenarist.core.analytics.AnalyticsFilter;
import dev.scenarist.core.analytics.AnalyticsReport.FailurePattern;
import dev.scenarist.core.store.LessonRecord;
import dev.scenarist.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lessons facade: list, refresh from findings, edit. Used by {@code scenarist lessons}, {@code /api/lessons} and the
 * {@code /lessons} page; the engine reads a campaign's frozen copy, never this (see {@link #frozenFor}).
 *
 * <p>A refresh counts findings over every campaign of the pack, all time. Counting all time, not recent campaigns only,
 * matters: once a lesson works its finding becomes rare in new campaigns, and a lesson that vanished because it
 * worked would bring its finding back.
 */
public final class Lessons {
    /** A lesson's text: one line, so it cannot break out of its section of the prompt. */
    public static final int MAX_TEXT = 500;

    /**
     * What a refresh did.
     *
     * @param added   keys of lessons learnt anew
     * @param dropped keys of learnt lessons no longer among the most frequent (a person's edited, disabled or own ones stay)
     */
    public record Refresh(String pack, List<LessonRecord> lessons, List<String> added, List<String> dropped) {}

    private final Store store;
    private final Analytics analytics;
    private final Clock clock;

    public Lessons(Store store, Clock clock) {
        this.store = store;
        this.analytics = new Analytics(store);
        this.clock = clock;
    }

    public List<LessonRecord> of(String pack) {
        return store.lessons().byPack(pack);
    }

    /** The packs that have lessons. */
    public List<String> packs() {
        return store.lessons().packs();
    }

    /**
     * Learns the pack's lessons again from its campaigns' findings: the most frequent patterns become lessons
     * ({@link LessonDeriver}); a lesson a person edited keeps its text, a lesson a person disabled stays disabled,
     * a person's own lessons stay.
     */
    public Refresh refresh(String pack) {
        Instant now = clock.instant();
        List<FailurePattern> patterns = LessonDeriver.worthALesson(analytics.failurePatterns(AnalyticsFilter.pack(pack)));
        Map<String, LessonRecord> old = new LinkedHashMap<>();
        for (LessonRecord l : store.lessons().byPack(pack)) old.put(l.key(), l);
        List<LessonRecord> next = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (FailurePattern p : patterns) {
            LessonRecord before = old.remove(p.key());
            if (before == null) added.add(p.key());
            boolean enabled = before == null || before.enabled();
            boolean edited = before != null && before.edited();
            String text = edited ? before.text() : LessonDeriver.text(p);
            boolean changed = before == null || !before.text().equals(text) || before.enabled() != enabled;
            next.add(new LessonRecord(pack, p.key(), next.size(), new LessonRecord.Origin(p.stage(), p.check(), p.code(), p.occurrences()), text,
                    new LessonRecord.State(enabled, edited, changed ? now : before.state().updatedAt())));
        }
        List<String> dropped = new ArrayList<>();
        for (LessonRecord l : old.values()) {
            if (l.edited() || !l.enabled() || l.key().startsWith(NOTE)) next.add(l.at(next.size()));
            else dropped.add(l.key());
        }
        store.lessons().replace(pack, next);
        return new Refresh(pack, store.lessons().byPack(pack), added, dropped);
    }

    /** Applies a person's edits in order, all or none. */
    public List<LessonRecord> edit(String pack, List<LessonEdit> edits) {
        Instant now = clock.instant();
        List<LessonRecord> list = new ArrayList<>(store.lessons().byPack(pack));
        for (LessonEdit e : edits) {
            switch (e) {
                case LessonEdit.Change c -> {
                    int i = indexOf(list, pack, c.key());
                    LessonRecord l = list.get(i);
                    String text = c.text().map(t -> checkedText(t, c.key())).orElse(l.text());
                    boolean edited = l.edited() || !text.equals(l.text());
                    list.set(i, new LessonRecord(pack, l.key(), l.position(), l.origin(), text,
                            new LessonRecord.State(c.enabled().orElse(l.enabled()), edited, now)));
                }
                case LessonEdit.Add a -> list.add(new LessonRecord(pack, nextNoteKey(list), list.size(), LessonRecord.Origin.note(a.stage()),
                        checkedText(a.text(), "a new lesson"), new LessonRecord.State(a.enabled(), true, now)));
                case LessonEdit.Remove r -> list.remove(indexOf(list, pack, r.key()));
            }
        }
        List<LessonRecord> renumbered = new ArrayList<>();
        for (LessonRecord l : list) renumbered.add(l.at(renumbered.size()));
        store.lessons().replace(pack, renumbered);
        return store.lessons().byPack(pack);
    }

    /** The enabled lessons of a pack as a campaign created now freezes them. */
    public static List<LessonLine> frozenFor(Store store, String pack) {
        return store.lessons().byPack(pack).stream().filter(LessonRecord::enabled)
                .map(l -> new LessonLine(l.stage(), l.text())).toList();
    }

    static final String NOTE = "note:";

    private static String nextNoteKey(List<LessonRecord> list) {
        int n = 1;
        while (true) {
            String key = NOTE + n;
            if (list.stream().noneMatch(l -> l.key().equals(key))) return key;
            n++;
        }
    }

    private static int indexOf(List<LessonRecord> list, String pack, String key) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).key().equals(key)) return i;
        throw new LessonRequestException("pack " + pack + " has no lesson " + key + "; "
                + dev.scenarist.core.text.DidYouMean.hint(key, list.stream().map(LessonRecord::key).toList())
                + "list them with 'scenarist lessons " + pack + "'");
    }

    private static String checkedText(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new LessonRequestException("text of " + what + " is empty; write the guidance line, or disable the lesson instead");
        if (t.contains("\n") || t.contains("\r")) {
            throw new LessonRequestException("text of " + what + " has a line break; a lesson is one line (it becomes one bullet in the prompt)");
        }
        if (t.length() > MAX_TEXT) {
            throw new LessonRequestException("text of " + what + " has " + t.length() + " characters; the limit is " + MAX_TEXT + ", shorten it");
        }
        return t;
    }
}
