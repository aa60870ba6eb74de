package dev.scenarist.packs.appworld.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.EventAction;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds, for the oracle's write actions, a distractor of the same kind in the seed — another email id for an
 * {@code email_id}, another address for a recipient — so a wrong agent can act on the wrong item.
 */
public final class Distractors {
    /** One wrong-item variant: in action {@code eventId}, argument {@code arg} gets {@code to} instead of {@code from}. */
    public record Swap(String eventId, String arg, String from, String to) {
        public ObjectNode apply(ObjectNode args) {
            ObjectNode out = args.deepCopy();
            JsonNode v = out.get(arg);
            if (v != null && v.isArray()) {
                var arr = out.putArray(arg);
                boolean swapped = false;
                for (JsonNode x : v) {
                    if (!swapped && x.asText().equals(from)) {
                        arr.add(to);
                        swapped = true;
                    } else arr.add(x);
                }
            } else out.put(arg, to);
            return out;
        }
    }

    /** At most one swap per write action, in flow order. */
    public List<Swap> find(Scenario s) {
        List<Swap> out = new ArrayList<>();
        String userEmail = s.apps().path("EmailClientApp").path("user_email").asText("");
        for (ScenarioEvent e : s.events()) {
            if (!(e.action() instanceof EventAction.AgentAction a) || !ToolKinds.isWrite(a.tool())) continue;
            for (Map.Entry<String, JsonNode> arg : a.args().properties()) {
                Optional<Swap> swap = Visible.values(arg.getValue()).stream().filter(v -> Visible.isIdentifier(arg.getKey(), v))
                        .flatMap(v -> candidate(s.apps(), arg.getKey(), v, userEmail).map(to -> new Swap(e.id(), arg.getKey(), v, to)).stream())
                        .findFirst();
                if (swap.isPresent()) {
                    out.add(swap.get());
                    break;
                }
            }
        }
        return out;
    }

    private static Optional<String> candidate(JsonNode seed, String arg, String value, String userEmail) {
        TreeSet<String> pool = new TreeSet<>();
        if (Visible.EMAIL.matcher(value).matches()) collectEmails(seed, pool);
        else collectField(seed, arg.endsWith("_ids") ? arg.substring(0, arg.length() - 1) : arg, pool);
        pool.remove(value);
        pool.remove(userEmail);
        return pool.isEmpty() ? Optional.empty() : Optional.of(pool.first());
    }

    private static void collectField(JsonNode n, String field, TreeSet<String> pool) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals(field) && e.getValue().isTextual()) pool.add(e.getValue().asText());
                else collectField(e.getValue(), field, pool);
            });
        } else if (n.isArray()) n.forEach(x -> collectField(x, field, pool));
    }

    private static void collectEmails(JsonNode n, TreeSet<String> pool) {
        if (n.isTextual() && Visible.EMAIL.matcher(n.asText()).matches()) pool.add(n.asText());
        else if (n.isContainerNode()) n.forEach(x -> collectEmails(x, pool));
    }
}
