package dev.scenarist.packs.appworld.phone.apps;

import dev.scenarist.packs.appworld.phone.apps.apartment.ApartmentListingApp;
import dev.scenarist.packs.appworld.phone.apps.aui.AgentUserInterface;
import dev.scenarist.packs.appworld.phone.apps.cab.CabApp;
import dev.scenarist.packs.appworld.phone.apps.calendar.CalendarApp;
import dev.scenarist.packs.appworld.phone.apps.contacts.ContactsApp;
import dev.scenarist.packs.appworld.phone.apps.email.EmailClientApp;
import dev.scenarist.packs.appworld.phone.apps.messaging.MessagingApp;
import dev.scenarist.packs.appworld.phone.apps.note.NoteApp;
import dev.scenarist.packs.appworld.phone.apps.reminder.ReminderApp;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingApp;
import dev.scenarist.packs.appworld.phone.apps.system.SystemApp;
import java.util.List;
import java.util.function.Function;

/** The default phone: the nine apps PARE models, plus SystemApp and AgentUserInterface. */
public final class StandardApps {
    private StandardApps() {}

    public static List<Function<AppContext, PhoneApp>> all() {
        return List.of(
                SystemApp::new,
                AgentUserInterface::new,
                ContactsApp::new,
                CalendarApp::new,
                EmailClientApp::new,
                MessagingApp::new,
                ShoppingApp::new,
                CabApp::new,
                ApartmentListingApp::new,
                ReminderApp::new,
                NoteApp::new);
    }
}
