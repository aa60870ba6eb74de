package dev.scenarist.packs.appworld.phone.apps.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.EntityTable;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.BOOLEAN;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;

/** PARE's notes app (ARE has none): notes in folders, Inbox, Personal and Work to start with. */
public final class NoteApp implements PhoneApp {
    public static final String NAME = "NoteApp";
    static final String LIST = "note_list";
    static final String DETAIL = "note_detail";

    private final AppContext ctx;
    private final EntityTable<Note> notes;
    private final TreeSet<String> folders = new TreeSet<>(List.of("Inbox", "Personal", "Work"));

    public NoteApp(AppContext ctx) {
        this.ctx = ctx;
        this.notes = ctx.table(NAME, "note");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.of(NAME, LIST, "folder", "Inbox");
    }

    /** A page of a folder's notes, pinned first then newest first. */
    public record NotesPage(String folder, List<Note> notes, int total) {}

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        t.agent("create_note", "Write a new note. Returns its id.")
                .optional("folder", STRING, "folder (default Inbox; on the note list, the folder shown)")
                .optional("title", STRING, "title")
                .optional("content", STRING, "text")
                .optional("pinned", BOOLEAN, "pin it to the top (default false)")
                .alsoUserOn(LIST)
                .handle(this::create);
        t.agent("get_note_by_id", "Read one note.")
                .required("note_id", STRING, "id of the note")
                .handle(a -> notes.require(a, "note_id"));
        t.agent("update_note", "Change a note's title or content; omitted fields keep their value.")
                .required("note_id", STRING, "id of the note")
                .optional("title", STRING, "new title")
                .optional("content", STRING, "new text")
                .handle(a -> update(a, notes.require(a, "note_id")));
        t.agent("delete_note", "Delete a note.")
                .required("note_id", STRING, "id of the note")
                .handle(a -> delete(notes.require(a, "note_id")));
        t.agent("list_notes", "The notes of a folder, pinned first, then most recently updated.")
                .optional("folder", STRING, "folder (default Inbox; on the note list, the folder shown)")
                .optional("offset", INTEGER, "index of the first note (default 0)")
                .optional("limit", INTEGER, "how many notes (default 10)")
                .alsoUserOn(LIST)
                .handle(a -> page(a, folderOf(a)));
        t.agent("list_folders", "Every folder.")
                .alsoUserOn(LIST)
                .handle(a -> List.copyOf(folders));
        t.agent("new_folder", "Create a folder.")
                .required("folder_name", STRING, "name of the new folder")
                .handle(a -> {
                    String f = a.text("folder_name");
                    if (folders.contains(f)) throw a.fail("folder '" + f + "' already exists");
                    folders.add(f);
                    ctx.changes().record(NAME, "folder", f, new dev.scenarist.packs.appworld.phone.log.Change.Created(ctx.json().getNodeFactory().textNode(f)));
                    return f;
                });
        t.agent("move_note", "Move a note to another folder.")
                .required("note_id", STRING, "id of the note")
                .required("dest_folder_name", STRING, "destination folder")
                .handle(a -> move(a, notes.require(a, "note_id"), a.string("dest_folder_name")));
        t.agent("search_notes", "Notes whose title or content contain the query (case-insensitive), in every folder.")
                .required("query", STRING, "text to look for")
                .alsoUserOn(LIST)
                .handle(a -> search(a.text("query"), null));
        t.agent("search_notes_in_folder", "Notes of one folder whose title or content contain the query.")
                .required("query", STRING, "text to look for")
                .required("folder_name", STRING, "folder")
                .handle(a -> search(a.text("query"), folder(a, a.string("folder_name"), "folder_name")));
        t.env("delete_folder", "A folder disappears with its notes (e.g. removed from another device).", "Notes folder deleted: {folder_name}")
                .required("folder_name", STRING, "folder to delete (not Inbox)")
                .handle(a -> {
                    String f = folder(a, a.string("folder_name"), "folder_name");
                    if (f.equals("Inbox")) throw a.fail("the Inbox folder cannot be deleted");
                    notes.values().stream().filter(n -> n.folder().equals(f)).forEach(n -> notes.remove(n.noteId()));
                    folders.remove(f);
                    ctx.changes().record(NAME, "folder", f, new dev.scenarist.packs.appworld.phone.log.Change.Deleted(ctx.json().getNodeFactory().textNode(f)));
                    return f;
                });
        t.user("open_folder", "Show another folder.", LIST)
                .required("folder", STRING, "folder to show")
                .handle(a -> {
                    String f = folder(a, a.string("folder"), "folder");
                    ctx.navigation().replace(Screen.of(NAME, LIST, "folder", f));
                    return page(a, f);
                });
        t.user("open_note", "Open a note.", LIST)
                .required("note_id", STRING, "id of the note")
                .handle(a -> {
                    Note n = notes.require(a, "note_id");
                    ctx.navigation().push(Screen.of(NAME, DETAIL, "note_id", n.noteId()));
                    return n;
                });
        t.user("edit", "Change the title or content of the note shown.", DETAIL)
                .optional("title", STRING, "new title")
                .optional("content", STRING, "new text")
                .handle(a -> update(a, shown(a)));
        t.user("move", "Move the note shown to another folder.", DETAIL)
                .required("dest_folder_name", STRING, "destination folder")
                .handle(a -> move(a, shown(a), a.string("dest_folder_name")));
        t.user("delete", "Delete the note shown, then go back.", DETAIL)
                .handle(a -> {
                    String result = delete(shown(a));
                    ctx.navigation().back();
                    return result;
                });
        return t.build();
    }

    private Note shown(Args a) {
        return notes.require(a, "note_id", a.screen().param("note_id"));
    }

    private String folder(Args a, String f, String argName) {
        if (!folders.contains(f)) throw a.unknown("folder", argName, f, folders);
        return f;
    }

    private String folderOf(Args a) {
        if (a.has("folder")) return folder(a, a.string("folder"), "folder");
        return a.screen().app().equals(NAME) && a.screen().params().containsKey("folder") ? a.screen().param("folder") : "Inbox";
    }

    private String create(Args a) {
        String f = folderOf(a);
        if (!a.has("title") && !a.has("content")) throw a.fail("give a title, a content or both; an empty note says nothing");
        String id = notes.newId("note");
        notes.put(id, new Note(id, f, a.string("title", ""), a.string("content", ""), a.optBoolean("pinned").orElse(false), ctx.clock().now(), ctx.clock().now()));
        return id;
    }

    private Note update(Args a, Note n) {
        if (!a.has("title") && !a.has("content")) throw a.fail("give a new title, a new content or both");
        Note u = new Note(n.noteId(), n.folder(), a.string("title", n.title()), a.string("content", n.content()), n.pinned(), n.createdAt(), ctx.clock().now());
        notes.put(n.noteId(), u);
        return u;
    }

    private String move(Args a, Note n, String dest) {
        folder(a, dest, "dest_folder_name");
        if (n.folder().equals(dest)) throw a.fail("note '" + n.noteId() + "' is already in " + dest);
        notes.put(n.noteId(), new Note(n.noteId(), dest, n.title(), n.content(), n.pinned(), n.createdAt(), ctx.clock().now()));
        return n.noteId();
    }

    private String delete(Note n) {
        notes.remove(n.noteId());
        return "Note " + n.noteId() + " deleted";
    }

    private NotesPage page(Args a, String folder) {
        List<Note> all = notes.values().stream().filter(n -> n.folder().equals(folder))
                .sorted(Comparator.comparing(Note::pinned).reversed().thenComparing(Note::updatedAt, Comparator.reverseOrder()).thenComparing(Note::noteId)).toList();
        int offset = a.spec().param("offset").isPresent() ? a.nonNegative("offset", 0) : 0;
        int limit = a.spec().param("limit").isPresent() ? a.nonNegative("limit", 10) : 10;
        return new NotesPage(folder, all.stream().skip(offset).limit(limit).toList(), all.size());
    }

    private List<Note> search(String query, String folderOrNull) {
        String q = query.toLowerCase(Locale.ROOT);
        return notes.values().stream().filter(n -> folderOrNull == null || n.folder().equals(folderOrNull))
                .filter(n -> (n.title() + "\n" + n.content()).toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("folders", "notes"));
        notes.clear();
        if (node.has("folders")) {
            folders.clear();
            folders.addAll(node.strings("folders"));
            folders.add("Inbox");
        }
        for (SeedNode n : node.list("notes")) {
            n.object(Set.of("note_id", "folder", "title", "content", "pinned", "created_at", "updated_at"));
            String id = n.optString("note_id").orElseGet(() -> notes.newId("note"));
            if (notes.contains(id)) throw n.at("note_id", "duplicate note id '" + id + "'");
            String f = n.string("folder", "Inbox");
            if (!folders.contains(f)) throw n.at("folder", "no folder '" + f + "'; folders: " + String.join(", ", folders) + " (declare it in folders)");
            var created = n.instant("created_at", ctx.clock().now());
            notes.load(id, new Note(id, f, n.string("title", ""), n.string("content", ""), n.bool("pinned", false), created, n.instant("updated_at", created)));
        }
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        var f = o.putArray("folders");
        folders.forEach(f::add);
        o.set("notes", notes.snapshot());
        return o;
    }
}
