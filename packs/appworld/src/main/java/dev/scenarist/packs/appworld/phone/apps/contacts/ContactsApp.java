package dev.scenarist.packs.appworld.phone.apps.contacts;

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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.OBJECT;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;

/** ARE's ContactsApp; one contact may be the user ({@code is_user}). */
public final class ContactsApp implements PhoneApp {
    public static final String NAME = "ContactsApp";
    static final String LIST = "contact_list";
    static final String DETAIL = "contact_detail";
    private static final int PAGE = 10;

    private final AppContext ctx;
    private final EntityTable<Contact> contacts;

    public ContactsApp(AppContext ctx) {
        this.ctx = ctx;
        this.contacts = ctx.table(NAME, "contact");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.of(NAME, LIST);
    }

    /** A page of contacts, as ARE's get_contacts. */
    public record ContactsPage(List<Contact> contacts, Map<String, Integer> metadata) {}

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        t.agent("get_contacts", "List contacts by name, ten at a time.")
                .optional("offset", INTEGER, "index of the first contact (default 0)")
                .alsoUserOn(LIST)
                .handle(a -> {
                    List<Contact> all = sorted(contacts.values());
                    int from = Math.min(a.nonNegative("offset", 0), all.size());
                    int to = Math.min(all.size(), from + PAGE);
                    return new ContactsPage(all.subList(from, to), Map.of("range_start", from, "range_end", to, "total", all.size()));
                });
        t.agent("get_contact", "Read one contact.")
                .required("contact_id", STRING, "id of the contact")
                .handle(a -> contacts.require(a, "contact_id"));
        t.agent("get_current_user_details", "The contact that is the user.")
                .handle(a -> contacts.values().stream().filter(Contact::isUser).findFirst()
                        .orElseThrow(() -> a.fail("no contact is marked as the user (is_user) in this scenario")));
        t.agent("add_new_contact", "Add a contact. Returns its id.")
                .required("first_name", STRING, "first name")
                .required("last_name", STRING, "last name")
                .param(Param.optional("gender", STRING, "gender").oneOf(ContactFields.GENDERS))
                .optional("age", INTEGER, "age in years")
                .optional("nationality", STRING, "nationality")
                .optional("city_living", STRING, "city")
                .optional("country", STRING, "country")
                .param(Param.optional("status", STRING, "occupation status").oneOf(ContactFields.STATUSES))
                .optional("job", STRING, "job")
                .optional("description", STRING, "notes about the person")
                .optional("phone", STRING, "phone number")
                .optional("email", STRING, "email address")
                .optional("address", STRING, "postal address")
                .alsoUserOn(LIST)
                .handle(this::add);
        t.agent("edit_contact", "Change fields of a contact, e.g. {\"phone\": \"+1 555 0100\"}.")
                .required("contact_id", STRING, "id of the contact")
                .required("updates", OBJECT, "field name → new value; fields: " + String.join(", ", ContactFields.NAMES))
                .handle(a -> edit(a, contacts.require(a, "contact_id")));
        t.agent("delete_contact", "Delete a contact.")
                .required("contact_id", STRING, "id of the contact")
                .handle(a -> delete(contacts.require(a, "contact_id")));
        t.agent("search_contacts", "Contacts whose name, phone or email contain the query (case-insensitive).")
                .required("query", STRING, "text to look for")
                .alsoUserOn(LIST)
                .handle(a -> {
                    String q = a.text("query").toLowerCase(Locale.ROOT);
                    return sorted(contacts.values().stream().filter(c -> (c.fullName() + "\n" + c.phone().orElse("") + "\n" + c.email().orElse(""))
                            .toLowerCase(Locale.ROOT).contains(q)).toList());
                });
        t.user("open_contact", "Open a contact's card.", LIST)
                .required("contact_id", STRING, "id of the contact")
                .handle(a -> {
                    Contact c = contacts.require(a, "contact_id");
                    ctx.navigation().push(Screen.of(NAME, DETAIL, "contact_id", c.contactId()));
                    return c;
                });
        t.user("edit", "Change fields of the contact shown.", DETAIL)
                .required("updates", OBJECT, "field name → new value; fields: " + String.join(", ", ContactFields.NAMES))
                .handle(a -> edit(a, contacts.require(a, "contact_id", a.screen().param("contact_id"))));
        t.user("delete", "Delete the contact shown, then go back.", DETAIL)
                .handle(a -> {
                    String result = delete(contacts.require(a, "contact_id", a.screen().param("contact_id")));
                    ctx.navigation().back();
                    return result;
                });
        return t.build();
    }

    private static List<Contact> sorted(java.util.Collection<Contact> all) {
        return all.stream().sorted(Comparator.comparing(Contact::lastName).thenComparing(Contact::firstName).thenComparing(Contact::contactId)).toList();
    }

    private static Contact blank(String id, boolean isUser) {
        return new Contact(id, "?", "?", isUser, "Unknown", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "Unknown",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private String add(Args a) {
        String id = contacts.newId("contact");
        Contact c = blank(id, false);
        ObjectNode given = a.json();
        for (String field : ContactFields.NAMES) {
            if (given.has(field)) c = ContactFields.apply(c, field, given.get(field), a::fail);
        }
        contacts.put(id, c);
        return id;
    }

    private Contact edit(Args a, Contact c) {
        JsonNode updates = a.optObject("updates").orElseThrow();
        if (updates.isEmpty()) throw a.fail("argument 'updates' is empty; give at least one field: " + String.join(", ", ContactFields.NAMES));
        Contact edited = c;
        for (var e : updates.properties()) {
            edited = ContactFields.apply(edited, e.getKey(), e.getValue(), msg -> a.fail("argument 'updates': " + msg));
        }
        contacts.put(c.contactId(), edited);
        return edited;
    }

    private String delete(Contact c) {
        contacts.remove(c.contactId());
        return "Contact " + c.contactId() + " deleted";
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("contacts"));
        contacts.clear();
        Set<String> fields = new HashSet<>(ContactFields.NAMES);
        fields.add("contact_id");
        fields.add("is_user");
        boolean userSeen = false;
        for (SeedNode n : node.list("contacts")) {
            n.object(fields);
            String id = n.optString("contact_id").orElseGet(() -> contacts.newId("contact"));
            if (contacts.contains(id)) throw n.at("contact_id", "duplicate contact id '" + id + "'");
            boolean isUser = n.bool("is_user", false);
            if (isUser && userSeen) throw n.at("is_user", "only one contact can be the user");
            userSeen |= isUser;
            n.string("first_name");
            n.string("last_name");
            Contact c = blank(id, isUser);
            for (String f : ContactFields.NAMES) {
                if (n.json().has(f)) c = ContactFields.apply(c, f, n.json().get(f), msg -> n.at(f, msg));
            }
            contacts.load(id, c);
        }
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.set("contacts", contacts.snapshot());
        return o;
    }
}
