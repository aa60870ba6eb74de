package dev.scenarist.app.cli;

import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.RunState;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Live progress of a campaign, driven by engine events: a progress bar on a terminal, one line per finished
 * run otherwise (CI logs, pipes). Always on stderr so stdout stays clean for --json.
 */
final class ProgressView implements AutoCloseable {
    private final AutoCloseable subscription;
    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private volatile String current = "";

    ProgressView(EventBus bus, PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.subscription = bus.subscribe(this::on);
    }

    private synchronized void on(ScenaristEvent e) {
        switch (e) {
            case ScenaristEvent.CampaignStarted s -> {
                accepted.set(s.alreadyAccepted());
                if (terminal) {
                    bar = new ProgressBarBuilder().setTaskName(s.pack()).setInitialMax(s.requested()).setStyle(ProgressBarStyle.ASCII)
                            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(200)
                            .continuousUpdate().build();
                    bar.stepTo(s.alreadyAccepted());
                } else {
                    err.printf("campaign %s: %d %s scenarios requested%s%n", s.campaignId(), s.requested(), s.pack(),
                            s.alreadyAccepted() > 0 ? " (" + s.alreadyAccepted() + " already accepted)" : "");
                }
            }
            case ScenaristEvent.AttemptFinished a -> {
                current = a.stage() + " #" + a.stageAttempt() + " " + a.verdict().label();
                extra();
            }
            case ScenaristEvent.InfraRetry r -> {
                retries.incrementAndGet();
                if (!terminal) err.printf("  retrying %s in %d ms after: %s%n", r.stage(), r.delayMillis(), r.error());
                extra();
            }
            case ScenaristEvent.RunFinished f -> {
                if (f.state() == RunState.ACCEPTED) {
                    accepted.incrementAndGet();
                    if (bar != null) bar.step();
                } else {
                    rejected.incrementAndGet();
                }
                if (!terminal) err.printf("  run %s %s%s%n", f.runId(), f.state().label(), f.detail().isEmpty() ? "" : ": " + f.detail());
                extra();
            }
            default -> { }
        }
    }

    private void extra() {
        if (bar != null) {
            bar.setExtraMessage(" not kept " + rejected.get() + (retries.get() > 0 ? ", retries " + retries.get() : "") + "  " + current);
        }
    }

    @Override
    public synchronized void close() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // unsubscribing from the in-process bus cannot fail
        }
        if (bar != null) bar.close();
    }
}
