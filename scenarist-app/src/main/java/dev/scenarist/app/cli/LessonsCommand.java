package dev.scenarist.app.cli;

import dev.scenarist.core.lessons.LessonEdit;
import dev.scenarist.core.lessons.Lessons;
import dev.scenarist.core.store.LessonRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = {"Show, refresh and edit a pack's lessons: its most frequent failures as one-line guidance that campaigns",
                "started with --lessons add to their prompts (frozen when the campaign is created).",
                "Without PACK: the packs that have lessons."})
final class LessonsCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PACK", description = "The pack.")
    String pack;

    @Option(names = "--refresh", description = "Learn the pack's lessons again from its campaigns' findings (a person's edited, disabled or own lessons stay).")
    boolean refresh;

    @Option(names = "--edit", paramLabel = "KEY=TEXT", description = "Give lesson KEY new text (repeatable).")
    List<String> edit = new ArrayList<>();

    @Option(names = "--enable", paramLabel = "KEY", description = "Switch lesson KEY on (repeatable).")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "KEY", description = "Switch lesson KEY off (repeatable).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--add", paramLabel = "TEXT", description = "Add a lesson of your own, for every stage (repeatable).")
    List<String> add = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "KEY", description = "Remove lesson KEY (repeatable).")
    List<String> remove = new ArrayList<>();

    @Override
    public Integer call() {
        Output out = root.output();
        boolean changes = refresh || !edit.isEmpty() || !enable.isEmpty() || !disable.isEmpty() || !add.isEmpty() || !remove.isEmpty();
        if (pack == null && changes) throw new IllegalArgumentException("name the PACK whose lessons to change, e.g. 'scenarist lessons sql-quiz --refresh'");
        List<LessonEdit> edits = edits();
        try (var app = root.open()) {
            var lessons = new Lessons(app.store(), Clock.systemUTC());
            if (pack == null) {
                List<String> packs = lessons.packs();
                out.human().print(packs.isEmpty() ? "no lessons yet; run a campaign, then 'scenarist lessons PACK --refresh'\n"
                        : String.join("\n", packs) + "\n");
                if (out.json()) out.document(Map.of("packs", packs));
                return 0;
            }
            app.packs().get(pack); // an unknown pack is named with the known ones (exit 2)
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pack", pack);
            if (refresh) {
                var r = lessons.refresh(pack);
                out.human().println("refreshed from the findings of pack " + pack + ": added " + r.added() + ", dropped " + r.dropped());
                doc.put("added", r.added());
                doc.put("dropped", r.dropped());
            }
            if (!edits.isEmpty()) lessons.edit(pack, edits);
            List<LessonRecord> list = lessons.of(pack);
            Table t = new Table("key", "on", "stage", "seen", "text");
            for (LessonRecord l : list) t.row(l.key(), l.enabled() ? "on" : "off", l.stage().isEmpty() ? "every" : l.stage(), l.occurrences(),
                    l.text() + (l.edited() ? " (edited)" : ""));
            out.human().print(t.isEmpty() ? "pack " + pack + " has no lessons yet; run a campaign, then add --refresh\n" : t.render());
            doc.put("lessons", list);
            if (out.json()) AnalyticsCommand.document(out, doc);
        }
        return 0;
    }

    private List<LessonEdit> edits() {
        List<LessonEdit> out = new ArrayList<>();
        for (String e : edit) {
            int eq = e.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--edit takes KEY=TEXT, e.g. --edit 'schema:SCHEMA_BAD=Declare every column', got '" + e + "'");
            out.add(new LessonEdit.Change(e.substring(0, eq).strip(), Optional.of(e.substring(eq + 1)), Optional.empty()));
        }
        for (String k : enable) out.add(new LessonEdit.Change(k, Optional.empty(), Optional.of(true)));
        for (String k : disable) out.add(new LessonEdit.Change(k, Optional.empty(), Optional.of(false)));
        for (String text : add) out.add(new LessonEdit.Add(text, "", true));
        for (String k : remove) out.add(new LessonEdit.Remove(k));
        return out;
    }
}
