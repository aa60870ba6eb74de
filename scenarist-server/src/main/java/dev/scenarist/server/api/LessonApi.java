package dev.scenarist.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scenarist.core.lessons.LessonEdit;
import dev.scenarist.core.lessons.LessonRequestException;
import dev.scenarist.core.lessons.Lessons;
import dev.scenarist.core.store.LessonRecord;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/lessons}: a pack's lessons, a person's edits ({@code PUT}) and a refresh from the pack's findings
 * ({@code POST …/refresh}). Both changes are audited.
 */
public final class LessonApi {
    private static final String EXAMPLE = "{\"lessons\": [{\"key\": \"schema:SCHEMA_BAD\", \"text\": \"…\", \"enabled\": false},"
            + " {\"text\": \"a lesson of your own\", \"stage\": \"draft\"}, {\"key\": \"note:1\", \"remove\": true}]}";

    private final Lessons lessons;

    public LessonApi(Lessons lessons) {
        this.lessons = lessons;
    }

    public void register(RouteTable r) {
        r.get("/api/lessons", "lessons", "The packs that have lessons", "json", ctx -> ApiJson.send(ctx, 200, Map.of("packs", lessons.packs())));
        r.get("/api/lessons/{pack}", "lessons", "A pack's lessons: key, stage, text, enabled, occurrences, edited", "json",
                ctx -> ApiJson.send(ctx, 200, answer(ctx.pathParam("pack"), lessons.of(ctx.pathParam("pack")))));
        r.put("/api/lessons/{pack}", "lessons", "Edit a pack's lessons: {\"lessons\": [{key, text?, enabled?, remove?} or {text, stage?, enabled?}"
                + " for a new one]}; lessons not named stay as they are; all or nothing", "", this::edit);
        r.post("/api/lessons/{pack}/refresh", "lessons", "Learn the pack's lessons again from its campaigns' most frequent findings"
                + " (a person's edited, disabled or own lessons stay)", "", this::refresh);
    }

    private void edit(Context ctx) {
        String pack = ctx.pathParam("pack");
        ctx.attribute(CampaignApi.AUDIT_ACTION, "lessons.edit");
        ctx.attribute(CampaignApi.AUDIT_TARGET, pack);
        List<LessonEdit> edits = edits(ctx.body());
        try {
            List<LessonRecord> after = lessons.edit(pack, edits);
            ctx.attribute(CampaignApi.AUDIT_DETAIL, edits.size() + " edit(s)");
            ApiJson.send(ctx, 200, answer(pack, after));
        } catch (LessonRequestException e) {
            throw new HttpResponseException(400, e.getMessage());
        }
    }

    private void refresh(Context ctx) {
        String pack = ctx.pathParam("pack");
        ctx.attribute(CampaignApi.AUDIT_ACTION, "lessons.refresh");
        ctx.attribute(CampaignApi.AUDIT_TARGET, pack);
        Lessons.Refresh r = lessons.refresh(pack);
        ctx.attribute(CampaignApi.AUDIT_DETAIL, "added " + r.added() + ", dropped " + r.dropped());
        Map<String, Object> m = answer(pack, r.lessons());
        m.put("added", r.added());
        m.put("dropped", r.dropped());
        ApiJson.send(ctx, 200, m);
    }

    private static Map<String, Object> answer(String pack, List<LessonRecord> list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pack", pack);
        m.put("lessons", list);
        return m;
    }

    /** Reads the body into edits; every mistake is a 400 that names the item and field. */
    static List<LessonEdit> edits(String body) {
        Object v;
        try {
            v = body == null || body.isBlank() ? null : ApiJson.mapper().readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new HttpResponseException(400, "the body is not JSON: " + e.getOriginalMessage() + "; send e.g. " + EXAMPLE);
        }
        if (!(v instanceof Map<?, ?> m) || !(m.get("lessons") instanceof List<?> items)) {
            throw new HttpResponseException(400, "the body must be an object with a 'lessons' list, e.g. " + EXAMPLE);
        }
        List<LessonEdit> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "lessons[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) throw new HttpResponseException(400, where + " must be an object, e.g. " + EXAMPLE);
            for (Object k : item.keySet()) {
                if (!List.of("key", "text", "enabled", "remove", "stage").contains(k)) {
                    throw new HttpResponseException(400, where + "." + k + " is not a field; use key, text, enabled, remove or stage");
                }
            }
            Optional<String> key = string(item, "key", where);
            Optional<String> text = string(item, "text", where);
            Optional<Boolean> enabled = bool(item, "enabled", where);
            boolean remove = bool(item, "remove", where).orElse(false);
            if (key.isPresent()) {
                if (item.containsKey("stage")) throw new HttpResponseException(400, where + ".stage can only be given for a new lesson (one without a key)");
                out.add(remove ? new LessonEdit.Remove(key.get()) : new LessonEdit.Change(key.get(), text, enabled));
            } else {
                if (remove) throw new HttpResponseException(400, where + ".remove needs the key of the lesson to remove");
                if (text.isEmpty()) throw new HttpResponseException(400, where + " has neither key nor text; name a lesson by its key, or give the text of a new one");
                out.add(new LessonEdit.Add(text.get(), string(item, "stage", where).orElse(""), enabled.orElse(true)));
            }
        }
        return out;
    }

    private static Optional<String> string(Map<?, ?> item, String field, String where) {
        Object v = item.get(field);
        if (v == null) return Optional.empty();
        if (!(v instanceof String s)) throw new HttpResponseException(400, where + "." + field + " must be a string");
        return Optional.of(s);
    }

    private static Optional<Boolean> bool(Map<?, ?> item, String field, String where) {
        Object v = item.get(field);
        if (v == null) return Optional.empty();
        if (!(v instanceof Boolean b)) throw new HttpResponseException(400, where + "." + field + " must be true or false");
        return Optional.of(b);
    }
}
