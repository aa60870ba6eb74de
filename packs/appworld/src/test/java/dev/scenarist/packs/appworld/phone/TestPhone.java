package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Test support: a seeded phone and short ways to call tools and read outcomes. */
final class TestPhone {
    static final Instant START = Instant.parse("2024-10-15T09:00:00Z");

    static final String SEED = """
            {
              "EmailClientApp": {
                "user_email": "me@home.org",
                "emails": [
                  {"email_id": "e1", "sender": "bob@work.com", "subject": "Lunch?", "content": "Lunch at noon?", "timestamp": "2024-10-14 12:00:00"},
                  {"email_id": "e2", "sender": "ann@work.com", "subject": "Report", "content": "Please review the report", "timestamp": "2024-10-15 08:00:00"},
                  {"email_id": "e3", "folder": "SENT", "sender": "me@home.org", "recipients": ["carl@work.com"], "subject": "Trip", "content": "Booked", "timestamp": "2024-10-13 10:00:00", "is_read": true}
                ]
              },
              "CalendarApp": {
                "events": [
                  {"event_id": "ev1", "title": "Standup", "start_datetime": "2024-10-15 09:30:00", "end_datetime": "2024-10-15 09:45:00", "tag": "work", "attendees": ["Ann Lee"]},
                  {"event_id": "ev2", "title": "Dentist", "start_datetime": "2024-10-16 14:00:00", "end_datetime": "2024-10-16 15:00:00", "location": "Main St"}
                ]
              },
              "ContactsApp": {
                "contacts": [
                  {"contact_id": "c1", "first_name": "Ann", "last_name": "Lee", "email": "ann@work.com", "phone": "+1 555 0101", "gender": "Female"},
                  {"contact_id": "c2", "first_name": "Bob", "last_name": "Stone", "email": "bob@work.com"},
                  {"contact_id": "me", "first_name": "Sam", "last_name": "Doe", "is_user": true, "email": "me@home.org"}
                ]
              },
              "MessagingApp": {
                "conversations": [
                  {"conversation_id": "conv1", "participants": ["Me", "Ann Lee"], "messages": [
                    {"sender": "Ann Lee", "content": "Are we still on for Friday?", "timestamp": "2024-10-14 18:00:00"}]},
                  {"conversation_id": "conv2", "title": "Family", "participants": ["Me", "Mom", "Dad"], "messages": [
                    {"sender": "Mom", "content": "Dinner on Sunday", "timestamp": "2024-10-15 07:00:00"}]}
                ]
              },
              "ShoppingApp": {
                "products": [
                  {"product_id": "p1", "name": "Running shoes", "variants": [
                    {"item_id": "i1", "price": 80.0, "options": {"size": "42"}},
                    {"item_id": "i2", "price": 85.0, "available": false, "options": {"size": "44"}}]},
                  {"product_id": "p2", "name": "Water bottle", "variants": [{"item_id": "i3", "price": 12.5}]}
                ],
                "orders": [{"order_id": "o1", "status": "processed", "order_date": "2024-10-10 10:00:00", "items": [{"item_id": "i3", "quantity": 2}]}],
                "discount_codes": {"RUN10": {"i1": 10}}
              },
              "CabApp": {"routes": [{"start_location": "Home", "end_location": "Airport", "distance_km": 20}]},
              "ApartmentListingApp": {
                "apartments": [
                  {"apartment_id": "a1", "name": "Sunny loft", "location": "Downtown", "zip_code": "10001", "price": 2500, "number_of_bedrooms": 1, "number_of_bathrooms": 1, "square_footage": 700, "pet_policy": "Pets allowed", "amenities": ["Gym"]},
                  {"apartment_id": "a2", "name": "Family house", "location": "Suburbs", "zip_code": "10050", "price": 3200, "number_of_bedrooms": 3, "number_of_bathrooms": 2, "square_footage": 1500, "property_type": "House"}
                ]
              },
              "ReminderApp": {"reminders": [{"reminder_id": "r1", "title": "Pay rent", "due_datetime": "2024-10-15 08:00:00", "description": "Transfer to landlord"}]},
              "NoteApp": {"notes": [{"note_id": "n1", "title": "Groceries", "content": "milk, eggs", "created_at": "2024-10-14 09:00:00"}]}
            }
            """;

    final ObjectMapper json;
    final Phone phone;

    TestPhone() {
        this(SEED);
    }

    TestPhone(String seed) {
        ObjectMapper m = new ObjectMapper();
        try {
            this.phone = Phone.builder().startAt(START).seed(m.readTree(seed)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        this.json = phone.json();
    }

    /** Arguments as alternating names and values. */
    static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    ToolResult call(Actor actor, String tool, Object... kv) {
        return phone.call(actor, tool, args(kv));
    }

    JsonNode agent(String tool, Object... kv) {
        return ok(call(Actor.AGENT, tool, kv));
    }

    JsonNode user(String tool, Object... kv) {
        return ok(call(Actor.USER, tool, kv));
    }

    JsonNode env(String tool, Object... kv) {
        return ok(call(Actor.ENV, tool, kv));
    }

    String agentError(String tool, Object... kv) {
        return error(call(Actor.AGENT, tool, kv));
    }

    String userError(String tool, Object... kv) {
        return error(call(Actor.USER, tool, kv));
    }

    JsonNode state(String app) {
        return phone.snapshot().get("apps").get(app);
    }

    static JsonNode ok(ToolResult r) {
        assertThat(r).as("expected ok, got %s", r).isInstanceOf(ToolResult.Ok.class);
        return ((ToolResult.Ok) r).value();
    }

    static String error(ToolResult r) {
        assertThat(r).as("expected an error, got %s", r).isInstanceOf(ToolResult.Error.class);
        return ((ToolResult.Error) r).message();
    }
}
