package dev.scenarist.packs.chains.internal.reference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session of the reference assistant: its semantic memory (the active result set, the selected item and date, the
 * draft order), its result sets and turns. Guarded by the session's own lock in {@link ReferenceSessions}.
 */
final class Memory {
    final String sessionId;
    String activeResultSetId;
    String selectedItem;
    String selectedDate;
    String draftOrderId;
    final Map<String, List<String>> resultSets = new LinkedHashMap<>();
    final List<ObjectNode> turns = new ArrayList<>();
    ObjectNode settings;

    Memory(String sessionId) {
        this.sessionId = sessionId;
    }

    ObjectNode json() {
        ObjectNode s = ProductSettings.JSON.createObjectNode();
        s.put("session_id", sessionId);
        ObjectNode m = s.putObject("semantic_memory");
        m.put("active_result_set_id", activeResultSetId);
        m.put("selected_item", selectedItem);
        m.put("selected_date", selectedDate);
        m.put("draft_order_id", draftOrderId);
        ObjectNode sets = s.putObject("result_sets");
        resultSets.forEach((id, skus) -> skus.forEach(sets.putArray(id)::add));
        s.put("turn_count", turns.size());
        s.putArray("turns").addAll(turns);
        if (settings != null) s.set("settings", settings);
        return s;
    }
}
