package dev.scenarist.packs.appworld.phone.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.log.Change;
import dev.scenarist.packs.appworld.phone.tools.Args;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An app's entities of one kind (emails, events, ...) by id, as immutable records. Every put and remove is reported
 * as a state change, so the action log says what changed without each tool remembering to say it.
 */
public final class EntityTable<T> {
    private final String app;
    private final String entity;
    private final AppContext ctx;
    private final NavigableMap<String, T> rows = new TreeMap<>();

    EntityTable(String app, String entity, AppContext ctx) {
        this.app = app;
        this.entity = entity;
        this.ctx = ctx;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    public boolean contains(String id) {
        return rows.containsKey(id);
    }

    /** The entity named by argument {@code argName}, or a refusal listing the known ids (nearest first). */
    public T require(Args args, String argName) {
        String id = args.string(argName);
        return require(args, argName, id);
    }

    public T require(Args args, String argName, String id) {
        T v = rows.get(id);
        if (v == null) throw args.unknown(entity, argName, id, rows.keySet());
        return v;
    }

    public void put(String id, T value) {
        T before = rows.put(id, value);
        Change change = before == null ? new Change.Created(ctx.toJson(value)) : new Change.Updated(ctx.toJson(before), ctx.toJson(value));
        if (before == null || !before.equals(value)) ctx.changes().record(app, entity, id, change);
    }

    public T remove(String id) {
        T before = rows.remove(id);
        if (before != null) ctx.changes().record(app, entity, id, new Change.Deleted(ctx.toJson(before)));
        return before;
    }

    /** A fresh id for a new entity of this table ("email_1", ...). */
    public String newId(String prefix) {
        return ctx.ids().next(prefix, rows::containsKey);
    }

    /** Seeding replaces the table wholesale, without logging each row. */
    public void clear() {
        rows.clear();
    }

    public void load(String id, T value) {
        rows.put(id, value);
    }

    public Collection<T> values() {
        return List.copyOf(rows.values());
    }

    /** The ids in order. */
    public List<String> ids() {
        return List.copyOf(rows.keySet());
    }

    public int size() {
        return rows.size();
    }

    /** {id: entity} in id order. */
    public ObjectNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        rows.forEach((id, v) -> o.set(id, ctx.toJson(v)));
        return o;
    }
}
