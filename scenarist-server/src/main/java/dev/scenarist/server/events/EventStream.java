package dev.scenarist.server.events;

import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.api.ApiJson;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events for {@code GET /api/events[?campaign=C]}, from two sources:
 * <ul>
 *   <li>the engine's event bus, for campaigns this process runs: every {@link ScenaristEvent} as it happens
 *       (event name = its type in kebab case, e.g. {@code run-finished}; {@code "source": "bus"});</li>
 *   <li>the store, polled every {@link #POLL} for campaigns run by other processes ({@code scenarist generate} in a
 *       terminal, another server): {@code campaign-changed} when a campaign's status changes and {@code run-changed}
 *       when one of its runs changes state, stage or attempt ({@code "source": "store"}).</li>
 * </ul>
 * The bus listener only queues (it must be quick); each client drains its own bounded queue on its own virtual thread,
 * with a comment every 15 s to keep proxies from closing the stream. A client too slow to keep up loses events
 * ({@code dropped} counts them in the next {@code keep-alive}) rather than slowing the engine.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    public static final Duration POLL = Duration.ofSeconds(1);
    private static final int QUEUE = 1000;

    private record Client(Optional<String> campaign, BlockingQueue<Map<String, Object>> queue, java.util.concurrent.atomic.AtomicInteger dropped) {}

    private final Store store;
    private final Supplier<Set<String>> runningHere;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AutoCloseable subscription;
    private final Thread poller;
    private final Map<String, String> campaignSeen = new HashMap<>();
    private final Map<String, String> runSeen = new HashMap<>();
    private volatile boolean closed;

    /** @param runningHere the campaigns this process runs (their events come from the bus, so the store poll skips them) */
    public EventStream(EventBus bus, Store store, Supplier<Set<String>> runningHere) {
        this.store = store;
        this.runningHere = runningHere;
        this.subscription = bus.subscribe(this::fromBus);
        pollOnce(false); // what is in the store now is the baseline, not news
        this.poller = Thread.ofVirtual().name("scenarist-store-poll").start(this::pollLoop);
    }

    /** One server-sent event as a client receives it: its name and its data (one line). */
    public record Message(String name, String data) {}

    /**
     * How a client wants the events written: each event (the map {@code /api/events} sends as JSON) becomes zero or more
     * messages. The dashboard renders HTML fragments here, so htmx swaps them in by event name.
     */
    @FunctionalInterface
    public interface Renderer {
        List<Message> render(Map<String, Object> event);
    }

    /** Serves one client of {@code /api/events} until it goes away or the server stops: every event as JSON, named by its type. */
    public void serve(SseClient sse, Optional<String> campaign) {
        serve(sse, campaign, List.of(), e -> List.of(new Message(String.valueOf(e.get("type")), ApiJson.write(e))));
    }

    /**
     * Serves one client until it goes away or the server stops: {@code first} at once (the state as it is, so nothing
     * between a page's rendering and its stream's start is missed), then every event through {@code renderer}.
     */
    public void serve(SseClient sse, Optional<String> campaign, List<Message> first, Renderer renderer) {
        var client = new Client(campaign.filter(c -> !c.isBlank()), new LinkedBlockingQueue<>(QUEUE), new java.util.concurrent.atomic.AtomicInteger());
        clients.add(client);
        try {
            sse.sendComment("connected");
            for (Message m : first) sse.sendEvent(m.name(), m.data());
            while (!closed && !sse.terminated()) {
                Map<String, Object> e = client.queue().poll(15, TimeUnit.SECONDS);
                if (e == null) {
                    sse.sendEvent("keep-alive", ApiJson.write(Map.of("dropped", client.dropped().get())));
                    continue;
                }
                for (Message m : render(renderer, e)) sse.sendEvent(m.name(), m.data());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
        }
    }

    /** A renderer that fails on one event costs that event, not the client's stream. */
    private static List<Message> render(Renderer renderer, Map<String, Object> event) {
        try {
            return renderer.render(event);
        } catch (RuntimeException ex) {
            log.warn("rendering event {} for a stream: {}", event.get("type"), ex.toString());
            return List.of();
        }
    }

    public int clients() {
        return clients.size();
    }

    private void fromBus(ScenaristEvent event) {
        if (clients.isEmpty()) return;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", kebab(event.getClass().getSimpleName()));
        data.put("source", "bus");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = ApiJson.mapper().convertValue(event, Map.class);
        data.putAll(fields);
        offer(event.campaignId(), data);
    }

    private void offer(String campaignId, Map<String, Object> data) {
        for (Client c : clients) {
            if (c.campaign().isPresent() && !c.campaign().get().equals(campaignId)) continue;
            if (!c.queue().offer(data)) c.dropped().incrementAndGet();
        }
    }

    private void pollLoop() {
        while (!closed) {
            try {
                Thread.sleep(POLL);
                pollOnce(true);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("polling the store for other processes' campaigns: {}", e.toString());
            }
        }
    }

    /** Compares the store with what was seen last and emits what changed (for campaigns not run by this process). */
    private synchronized void pollOnce(boolean emit) {
        Set<String> here = runningHere.get();
        for (CampaignRecord c : store.campaigns().list()) {
            String state = c.status().label() + "|" + c.stopReason();
            String before = campaignSeen.put(c.id(), state);
            boolean changed = !state.equals(before);
            boolean live = c.status() == CampaignStatus.RUNNING || changed;
            if (emit && changed && !here.contains(c.id())) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("type", "campaign-changed");
                d.put("source", "store");
                d.put("campaign_id", c.id());
                d.put("pack", c.pack());
                d.put("status", c.status().label());
                d.put("stop_reason", c.stopReason());
                d.put("requested", c.requested());
                offer(c.id(), d);
            }
            if (!live) continue;
            for (RunRecord r : store.runs().byCampaign(c.id())) {
                String rs = r.state().label() + "|" + r.progress().stageIndex() + "|" + r.progress().attemptSeq();
                String rb = runSeen.put(r.id(), rs);
                if (emit && !rs.equals(rb) && !here.contains(c.id())) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("type", "run-changed");
                    d.put("source", "store");
                    d.put("campaign_id", c.id());
                    d.put("run_id", r.id());
                    d.put("ordinal", r.ordinal());
                    d.put("state", r.state().label());
                    d.put("stage_index", r.progress().stageIndex());
                    d.put("attempts", r.progress().attemptSeq());
                    d.put("detail", r.detail());
                    offer(c.id(), d);
                }
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("unsubscribing from the event bus: {}", e.toString());
        }
    }
}
