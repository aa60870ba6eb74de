package dev.scenarist.packs.appworld.phone.apps.email;

import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Param;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.scenarist.packs.appworld.phone.apps.email.EmailClientApp.COMPOSE;
import static dev.scenarist.packs.appworld.phone.apps.email.EmailClientApp.DETAIL;
import static dev.scenarist.packs.appworld.phone.apps.email.EmailClientApp.FOLDERS;
import static dev.scenarist.packs.appworld.phone.apps.email.EmailClientApp.MAILBOX;
import static dev.scenarist.packs.appworld.phone.apps.email.EmailClientApp.NAME;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING_ARRAY;

/**
 * The user's side of the email app, as PARE's screens: mailbox (a folder) → email_detail (one email), and compose.
 * The draft being written lives in the compose screen's parameters, so it shows in the navigation snapshot.
 */
final class EmailScreens {
    private final EmailClientApp app;

    EmailScreens(EmailClientApp app) {
        this.app = app;
    }

    void declare(ToolSet t) {
        t.user("open_email_by_id", "Open an email of the folder shown.", MAILBOX)
                .required("email_id", STRING, "id of the email")
                .handle(a -> {
                    Email e = app.emails.require(a, "email_id");
                    String shown = a.screen().param("folder");
                    if (!e.folder().equals(shown)) throw a.fail("email '" + e.emailId() + "' is in " + e.folder() + ", not in the folder shown (" + shown + "); switch_folder first");
                    app.ctx.navigation().push(Screen.of(NAME, DETAIL, "email_id", e.emailId()));
                    return app.markRead(e);
                });
        t.user("switch_folder", "Show another folder.", MAILBOX)
                .param(new Param("folder_name", STRING, "folder to show", true, FOLDERS))
                .handle(a -> {
                    String f = a.string("folder_name");
                    app.ctx.navigation().replace(Screen.of(NAME, MAILBOX, "folder", f));
                    return app.list(f, 0, 10);
                });
        t.user("start_compose", "Start writing a new email.", MAILBOX, DETAIL)
                .handle(a -> {
                    app.ctx.navigation().push(draft(Map.of()));
                    return "compose_started";
                });
        t.user("reply", "Reply to the email shown.", DETAIL)
                .optional("content", STRING, "body of the reply")
                .handle(a -> app.reply(a, shown(a), a.string("content", "")));
        t.user("forward", "Forward the email shown.", DETAIL)
                .required("recipients", STRING_ARRAY, "addresses to forward to")
                .handle(a -> app.forward(a, shown(a), a.strings("recipients")));
        t.user("move", "Move the email shown to another folder, then go back.", DETAIL)
                .param(new Param("destination_folder", STRING, "destination folder", true, FOLDERS))
                .handle(a -> {
                    String result = app.move(a, shown(a).emailId(), a.string("destination_folder"));
                    app.ctx.navigation().back();
                    return result;
                });
        t.user("delete", "Delete the email shown, then go back.", DETAIL)
                .handle(a -> {
                    String result = app.delete(a, shown(a));
                    app.ctx.navigation().back();
                    return result;
                });
        t.user("set_recipients", "Set the draft's recipients.", COMPOSE)
                .required("recipients", STRING_ARRAY, "addresses")
                .handle(a -> edit(a, "recipients", String.join(", ", a.strings("recipients"))));
        t.user("set_subject", "Set the draft's subject.", COMPOSE)
                .required("subject", STRING, "subject line")
                .handle(a -> edit(a, "subject", a.string("subject")));
        t.user("set_body", "Set the draft's body.", COMPOSE)
                .required("body", STRING, "body text")
                .handle(a -> edit(a, "body", a.string("body")));
        t.user("send_composed_email", "Send the draft, then go back.", COMPOSE)
                .handle(a -> {
                    Map<String, String> d = a.screen().params();
                    List<String> to = d.getOrDefault("recipients", "").isBlank() ? List.of()
                            : Arrays.stream(d.get("recipients").split(",\\s*")).toList();
                    if (to.isEmpty()) throw a.fail("the draft has no recipients; call set_recipients first");
                    String id = app.send(a, to, List.of(), d.getOrDefault("subject", ""), d.getOrDefault("body", ""), Optional.empty());
                    app.ctx.navigation().back();
                    return id;
                });
        t.user("discard_draft", "Throw the draft away and go back.", COMPOSE)
                .handle(a -> {
                    app.ctx.navigation().back();
                    return "draft_discarded";
                });
    }

    private Email shown(Args a) {
        return app.emails.require(a, "email_id", a.screen().param("email_id"));
    }

    private Map<String, String> edit(Args a, String field, String value) {
        Map<String, String> d = new TreeMap<>(a.screen().params());
        d.put(field, value);
        app.ctx.navigation().replace(draft(d));
        return d;
    }

    private static Screen draft(Map<String, String> fields) {
        return new Screen(NAME, COMPOSE, fields);
    }
}
