package dev.scenarist.packs.appworld.phone.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.log.ChangeRecorder;
import dev.scenarist.packs.appworld.phone.nav.Navigation;

/**
 * What an app is given by the phone it lives in (never a global): the simulated clock, deterministic ids, where to
 * report state changes, the phone's JSON dialect, the user's navigation, and the phone-level services.
 */
public record AppContext(SimClock clock, IdSource ids, ChangeRecorder changes, ObjectMapper json,
                         Navigation navigation, PhoneServices services) {

    public JsonNode toJson(Object value) {
        return json.valueToTree(value);
    }

    public <T> EntityTable<T> table(String app, String entity) {
        return new EntityTable<>(app, entity, this);
    }
}
