package dev.scenarist.packs.appworld.phone.apps.reminder;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;

/**
 * ARE's ReminderApp with PARE's update_reminder. Repetition is stored as given (unit and value); unlike ARE, the
 * repeated occurrences are not expanded into extra reminders, so the state stays one row per reminder.
 */
public final class ReminderApp implements PhoneApp {
    public static final String NAME = "ReminderApp";
    static final String LIST = "reminder_list";
    static final String DETAIL = "reminder_detail";
    static final List<String> UNITS = List.of("minute", "hour", "day", "week", "month");

    private final AppContext ctx;
    private final EntityTable<Reminder> reminders;

    public ReminderApp(AppContext ctx) {
        this.ctx = ctx;
        this.reminders = ctx.table(NAME, "reminder");
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
        repetition(t.agent("add_reminder", "Add a reminder. Returns its id.")
                .required("title", STRING, "title")
                .required("due_datetime", STRING, "when it is due, YYYY-MM-DD HH:MM:SS")
                .optional("description", STRING, "details"))
                .alsoUserOn(LIST)
                .handle(this::add);
        repetition(t.agent("update_reminder", "Change fields of a reminder; omitted fields keep their value.")
                .required("reminder_id", STRING, "id of the reminder")
                .optional("title", STRING, "new title")
                .optional("due_datetime", STRING, "new due time, YYYY-MM-DD HH:MM:SS")
                .optional("description", STRING, "new details"))
                .handle(a -> update(a, reminders.require(a, "reminder_id")));
        t.agent("delete_reminder", "Delete a reminder.")
                .required("reminder_id", STRING, "id of the reminder")
                .handle(a -> delete(reminders.require(a, "reminder_id")));
        t.agent("get_all_reminders", "Every reminder, by due time.")
                .alsoUserOn(LIST)
                .handle(a -> sorted(reminders.values().stream().toList()));
        t.agent("get_due_reminders", "Reminders due now or earlier.")
                .alsoUserOn(LIST)
                .handle(a -> sorted(reminders.values().stream().filter(r -> !r.dueDatetime().isAfter(ctx.clock().now())).toList()));
        t.user("open_reminder", "Open a reminder.", LIST)
                .required("reminder_id", STRING, "id of the reminder")
                .handle(a -> {
                    Reminder r = reminders.require(a, "reminder_id");
                    ctx.navigation().push(Screen.of(NAME, DETAIL, "reminder_id", r.reminderId()));
                    return r;
                });
        repetition(t.user("edit", "Change fields of the reminder shown.", DETAIL)
                .optional("title", STRING, "new title")
                .optional("due_datetime", STRING, "new due time, YYYY-MM-DD HH:MM:SS")
                .optional("description", STRING, "new details"))
                .handle(a -> update(a, shown(a)));
        t.user("delete", "Delete the reminder shown, then go back.", DETAIL)
                .handle(a -> {
                    String result = delete(shown(a));
                    ctx.navigation().back();
                    return result;
                });
        return t.build();
    }

    private static ToolSet.Definition repetition(ToolSet.Definition d) {
        return d.param(Param.optional("repetition_unit", STRING, "repeat every ... (omit for a one-off reminder)").oneOf(UNITS))
                .optional("repetition_value", INTEGER, "repeat every N units (default 1)");
    }

    private Reminder shown(Args a) {
        return reminders.require(a, "reminder_id", a.screen().param("reminder_id"));
    }

    private Optional<Long> repetitionValue(Args a) {
        Optional<Long> v = a.optLong("repetition_value");
        if (v.isPresent() && v.get() < 1) throw a.fail("argument 'repetition_value' must be 1 or more, got " + v.get());
        if (v.isPresent() && !a.has("repetition_unit")) throw a.fail("argument 'repetition_value' needs a repetition_unit (" + String.join(", ", UNITS) + ")");
        return a.has("repetition_unit") ? Optional.of(v.orElse(1L)) : Optional.empty();
    }

    private String add(Args a) {
        String id = reminders.newId("reminder");
        reminders.put(id, new Reminder(id, a.text("title"), a.datetime("due_datetime"), a.string("description", ""),
                a.optString("repetition_unit"), repetitionValue(a)));
        return id;
    }

    private Reminder update(Args a, Reminder r) {
        boolean repeats = a.has("repetition_unit");
        Reminder u = new Reminder(r.reminderId(), a.has("title") ? a.text("title") : r.title(), a.optDatetime("due_datetime").orElse(r.dueDatetime()),
                a.string("description", r.description()), repeats ? a.optString("repetition_unit") : r.repetitionUnit(),
                repeats || a.has("repetition_value") ? repetitionValue(a) : r.repetitionValue());
        reminders.put(r.reminderId(), u);
        return u;
    }

    private String delete(Reminder r) {
        reminders.remove(r.reminderId());
        return "Reminder " + r.reminderId() + " deleted";
    }

    private static List<Reminder> sorted(List<Reminder> list) {
        return list.stream().sorted(Comparator.comparing(Reminder::dueDatetime).thenComparing(Reminder::reminderId)).toList();
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("reminders"));
        reminders.clear();
        for (SeedNode n : node.list("reminders")) {
            n.object(Set.of("reminder_id", "title", "due_datetime", "description", "repetition_unit", "repetition_value"));
            String id = n.optString("reminder_id").orElseGet(() -> reminders.newId("reminder"));
            if (reminders.contains(id)) throw n.at("reminder_id", "duplicate reminder id '" + id + "'");
            Optional<String> unit = n.optString("repetition_unit");
            if (unit.isPresent() && !UNITS.contains(unit.get())) throw n.at("repetition_unit", "\"" + unit.get() + "\"; valid: " + String.join(", ", UNITS));
            reminders.load(id, new Reminder(id, n.string("title"), n.instant("due_datetime"), n.string("description", ""), unit,
                    unit.map(u -> n.integer("repetition_value", 1))));
        }
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.set("reminders", reminders.snapshot());
        return o;
    }
}
