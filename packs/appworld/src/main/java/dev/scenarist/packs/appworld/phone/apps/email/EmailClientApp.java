package dev.scenarist.packs.appworld.phone.apps.email;

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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING_ARRAY;

/** ARE's EmailClientApp: folders INBOX, SENT, DRAFT, TRASH; the user's own address sends and receives. */
public final class EmailClientApp implements PhoneApp {
    public static final String NAME = "EmailClientApp";
    static final List<String> FOLDERS = List.of("INBOX", "SENT", "DRAFT", "TRASH");
    static final String MAILBOX = "mailbox";
    static final String DETAIL = "email_detail";
    static final String COMPOSE = "compose";

    final AppContext ctx;
    final EntityTable<Email> emails;
    String userEmail = "user@example.com";

    public EmailClientApp(AppContext ctx) {
        this.ctx = ctx;
        this.emails = ctx.table(NAME, "email");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.of(NAME, MAILBOX, "folder", "INBOX");
    }

    static Param folderParam(String name, String text) {
        return Param.optional(name, STRING, text).oneOf(FOLDERS);
    }

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        t.agent("list_emails", "List the emails of a folder, newest first, with paging metadata.")
                .param(folderParam("folder_name", "folder to list (default INBOX; on the mailbox screen, the folder shown)"))
                .optional("offset", INTEGER, "index of the first email to return (default 0)")
                .optional("limit", INTEGER, "how many emails to return (default 10)")
                .alsoUserOn(MAILBOX)
                .handle(a -> list(folderOf(a), a.nonNegative("offset", 0), a.nonNegative("limit", 10)));
        t.agent("get_email_by_id", "Read one email by its id (marks it read).")
                .required("email_id", STRING, "id of the email")
                .param(folderParam("folder_name", "folder the email is expected in (optional check)"))
                .handle(a -> markRead(inFolder(a, emails.require(a, "email_id"))));
        t.agent("get_email_by_index", "Read the email at a position of a folder's list (0 = newest; marks it read).")
                .required("idx", INTEGER, "position in the folder, 0 = newest")
                .param(folderParam("folder_name", "folder (default INBOX)"))
                .handle(a -> markRead(byIndex(a)));
        t.agent("search_emails", "Search emails whose sender, recipients, subject or content contain the query (case-insensitive).")
                .required("query", STRING, "text to look for")
                .param(folderParam("folder_name", "folder to search (default INBOX; on the mailbox screen, the folder shown)"))
                .alsoUserOn(MAILBOX)
                .handle(a -> search(a.text("query"), folderOf(a)));
        t.agent("send_email", "Send a new email from the user's address. Returns the new email's id.")
                .required("recipients", STRING_ARRAY, "email addresses to send to")
                .optional("subject", STRING, "subject line")
                .optional("content", STRING, "body text")
                .optional("cc", STRING_ARRAY, "addresses in copy")
                .handle(a -> send(a, a.strings("recipients"), a.strings("cc"), a.string("subject", ""), a.string("content", ""), Optional.empty()));
        t.agent("reply_to_email", "Reply to an email (to its sender; to its recipients when the user sent it). Returns the reply's id.")
                .required("email_id", STRING, "id of the email to reply to")
                .param(folderParam("folder_name", "folder the email is expected in (optional check)"))
                .optional("content", STRING, "body of the reply")
                .handle(a -> reply(a, inFolder(a, emails.require(a, "email_id")), a.string("content", "")));
        t.agent("forward_email", "Forward an email to new recipients. Returns the forwarded email's id.")
                .required("email_id", STRING, "id of the email to forward")
                .required("recipients", STRING_ARRAY, "addresses to forward to")
                .param(folderParam("folder_name", "folder the email is expected in (optional check)"))
                .handle(a -> forward(a, inFolder(a, emails.require(a, "email_id")), a.strings("recipients")));
        t.agent("move_email", "Move an email to another folder.")
                .required("email_id", STRING, "id of the email")
                .param(folderParam("source_folder_name", "folder the email is expected in (optional check)"))
                .param(new Param("dest_folder_name", STRING, "destination folder", true, FOLDERS))
                .handle(a -> move(a, a.string("email_id"), a.string("dest_folder_name")));
        t.agent("delete_email", "Delete an email (moves it to TRASH; deleting from TRASH removes it).")
                .required("email_id", STRING, "id of the email")
                .param(folderParam("folder_name", "folder the email is expected in (optional check)"))
                .handle(a -> delete(a, inFolder(a, emails.require(a, "email_id"))));
        t.env("send_email_to_user_only", "An email arrives in the user's INBOX.", "New email from {sender}: {subject}")
                .required("sender", STRING, "sender's address")
                .optional("subject", STRING, "subject line")
                .optional("content", STRING, "body text")
                .handle(a -> receive(a.text("sender"), List.of(userEmail), a.string("subject", ""), a.string("content", ""), "INBOX", Optional.empty()));
        t.env("reply_to_email_from_user", "Someone replies to an email the user sent.", "Reply from {sender}: {content}")
                .required("sender", STRING, "address of the person replying")
                .required("email_id", STRING, "id of the user's email being answered")
                .optional("content", STRING, "body of the reply")
                .handle(a -> {
                    Email original = emails.require(a, "email_id");
                    return receive(a.text("sender"), List.of(userEmail), reSubject(original.subject()), a.string("content", ""), "INBOX", Optional.of(original.emailId()));
                });
        t.env("create_and_add_email", "An email appears in a folder (any sender and recipients).", "New email from {sender}: {subject}")
                .required("sender", STRING, "sender's address")
                .optional("recipients", STRING_ARRAY, "recipients (default: the user)")
                .optional("subject", STRING, "subject line")
                .optional("content", STRING, "body text")
                .param(folderParam("folder_name", "folder (default INBOX)"))
                .handle(a -> receive(a.text("sender"), a.has("recipients") ? a.strings("recipients") : List.of(userEmail),
                        a.string("subject", ""), a.string("content", ""), a.string("folder_name", "INBOX"), Optional.empty()));
        new EmailScreens(this).declare(t);
        return t.build();
    }

    // ---- operations shared by agent and user tools ----

    String folderOf(Args a) {
        if (a.has("folder_name")) return a.string("folder_name");
        return a.screen().app().equals(NAME) && a.screen().params().containsKey("folder") ? a.screen().param("folder") : "INBOX";
    }

    List<Email> folder(String folder) {
        return emails.values().stream().filter(e -> e.folder().equals(folder))
                .sorted(Comparator.comparing(Email::timestamp).reversed().thenComparing(Email::emailId)).toList();
    }

    EmailPage list(String folder, int offset, int limit) {
        List<Email> all = folder(folder);
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new EmailPage(all.subList(from, to), List.of(from, to), to - from, all.size());
    }

    /** ARE's ReturnedEmails. */
    public record EmailPage(List<Email> emails, List<Integer> emailsRange, int totalReturnedEmails, int totalEmails) {}

    Email inFolder(Args a, Email e) {
        for (String f : List.of("folder_name", "source_folder_name")) {
            if (a.spec().param(f).isPresent() && a.has(f) && !a.string(f).equals(e.folder())) {
                throw a.fail("email '" + e.emailId() + "' is in folder " + e.folder() + ", not " + a.string(f)
                        + "; omit " + f + " or pass " + e.folder());
            }
        }
        return e;
    }

    private Email byIndex(Args a) {
        List<Email> f = folder(folderOf(a));
        long idx = a.longValue("idx", 0);
        if (idx < 0 || idx >= f.size()) {
            throw a.fail("argument 'idx' is " + idx + "; folder " + folderOf(a) + " has " + f.size() + " emails"
                    + (f.isEmpty() ? "" : ", so idx must be 0.." + (f.size() - 1)));
        }
        return f.get((int) idx);
    }

    Email markRead(Email e) {
        Email read = e.read();
        emails.put(e.emailId(), read);
        return read;
    }

    List<Email> search(String query, String folder) {
        String q = query.toLowerCase(Locale.ROOT);
        return folder(folder).stream().filter(e -> (e.sender() + "\n" + String.join("\n", e.recipients()) + "\n" + e.subject() + "\n" + e.content())
                .toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    String send(Args a, List<String> recipients, List<String> cc, String subject, String content, Optional<String> parent) {
        if (recipients.isEmpty()) throw a.fail("argument 'recipients' must name at least one address");
        for (String r : recipients) if (!r.contains("@")) throw a.fail("recipient \"" + r + "\" is not an email address (expected name@domain)");
        String id = emails.newId("email");
        emails.put(id, new Email(id, "SENT", userEmail, recipients, cc, subject, content, ctx.clock().now(), true, parent));
        return id;
    }

    String reply(Args a, Email original, String content) {
        List<String> to = original.sender().equals(userEmail) ? original.recipients() : List.of(original.sender());
        return send(a, to, List.of(), reSubject(original.subject()), content, Optional.of(original.emailId()));
    }

    String forward(Args a, Email original, List<String> recipients) {
        String subject = original.subject().startsWith("Fwd: ") ? original.subject() : "Fwd: " + original.subject();
        return send(a, recipients, List.of(), subject, original.content(), Optional.of(original.emailId()));
    }

    String move(Args a, String id, String dest) {
        Email e = inFolder(a, emails.require(a, "email_id", id));
        if (e.folder().equals(dest)) throw a.fail("email '" + id + "' is already in " + dest);
        emails.put(id, e.inFolder(dest));
        return "Email " + id + " moved to " + dest;
    }

    String delete(Args a, Email e) {
        if (e.folder().equals("TRASH")) {
            emails.remove(e.emailId());
            return "Email " + e.emailId() + " deleted";
        }
        emails.put(e.emailId(), e.inFolder("TRASH"));
        return "Email " + e.emailId() + " moved to TRASH";
    }

    private String receive(String sender, List<String> recipients, String subject, String content, String folder, Optional<String> parent) {
        String id = emails.newId("email");
        emails.put(id, new Email(id, folder, sender, recipients, List.of(), subject, content, ctx.clock().now(), false, parent));
        return id;
    }

    private static String reSubject(String subject) {
        return subject.startsWith("Re: ") ? subject : "Re: " + subject;
    }

    // ---- seed and snapshot ----

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("user_email", "emails"));
        userEmail = node.string("user_email", userEmail);
        emails.clear();
        for (SeedNode e : node.list("emails")) {
            e.object(Set.of("email_id", "folder", "sender", "recipients", "cc", "subject", "content", "timestamp", "is_read", "parent_id"));
            String id = e.optString("email_id").orElseGet(() -> emails.newId("email"));
            if (emails.contains(id)) throw e.at("email_id", "duplicate email id '" + id + "'");
            String folder = e.string("folder", "INBOX");
            if (!FOLDERS.contains(folder)) throw e.at("folder", "\"" + folder + "\" is not a folder; valid: " + String.join(", ", FOLDERS));
            emails.load(id, new Email(id, folder, e.string("sender", userEmail), e.has("recipients") ? e.strings("recipients") : List.of(userEmail),
                    e.strings("cc"), e.string("subject", ""), e.string("content", ""), e.instant("timestamp", ctx.clock().now()),
                    e.bool("is_read", false), e.optString("parent_id")));
        }
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.put("user_email", userEmail);
        o.set("emails", emails.snapshot());
        return o;
    }
}
