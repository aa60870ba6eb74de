package dev.scenarist.app.cli;

import dev.scenarist.core.campaign.CampaignReport;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Run a campaign until COUNT scenarios of PACK are accepted (valid, unique) or a cap is reached.",
                "Exit 0 when all were accepted, 1 when the campaign fell short."})
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Option(names = "--pack", required = true, paramLabel = "PACK", description = "Pack to generate (see 'scenarist packs').")
    String pack;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Accepted scenarios wanted.")
    int count;

    @Mixin
    CampaignOptions options = new CampaignOptions();

    @Option(names = "--enqueue", description = {"Store the campaign for workers ('scenarist worker') instead of running it here, then watch it until it ends"
            + " (Ctrl-C stops watching, not the campaign). Needs a PostgreSQL store (--db postgresql://HOST:PORT/DB)."})
    boolean enqueue;

    @Override
    public Integer call() throws Exception {
        Output out = root.output();
        var spec = options.toSpec(pack, count);
        // a missing component is exit 2 at once, before the store is opened: not a campaign failing every run
        root.requireComponents(spec);
        try (var app = root.open()) {
            var p = app.packs().get(pack);
            options.config().requireStagesOf(pack, p.pipeline().stages().stream().map(s -> s.name()).toList(),
                    p.pipeline().stages().stream().filter(s -> s instanceof dev.scenarist.core.pack.Stage.RefineStage).map(s -> s.name()).toList());
            if (options.approveAfter != null) {
                dev.scenarist.app.config.CampaignConfig.requireGateStages("--approve-after", pack, options.approveAfter, p.pipeline().names());
            }
            if (enqueue && options.record != null) {
                throw new dev.scenarist.app.config.ConfigException("--record works where the author runs: with --enqueue that is in the workers;"
                        + " record a cassette with a campaign run here (without --enqueue)");
            }
            var setup = app.authors().create(spec.author(), p, Optional.ofNullable(options.record), spec.authorSettings());
            var author = setup.author();
            CampaignReport report;
            if (enqueue) {
                try (var jobs = app.jobs()) {
                    var enqueued = app.campaigns().enqueue(spec, p, jobs);
                    out.err().printf("Enqueued campaign %s: %d %s scenario(s) with author %s for the workers of %s; watching it%n",
                            enqueued.id(), count, pack, author.id(), app.store().describe());
                    report = new CampaignWatch(app.campaigns(), out.err()).until(enqueued.id());
                }
                return printed(report, app, out);
            }
            var campaign = app.campaigns().create(spec, p);
            out.err().printf("Generating %d %s scenario(s) with author %s; data in %s%n", count, pack, author.id(), app.dataDir());
            try (var progress = new ProgressView(app.events(), out.err(), root.stderrIsTerminal())) {
                report = app.campaigns().run(campaign.id(), p, author, setup.throttle());
            }
            return printed(report, app, out);
        }
    }

    private static int printed(CampaignReport report, dev.scenarist.app.wiring.Scenarist app, Output out) {
        CampaignPrinter.human(report, out);
        CampaignPrinter.hint(report).ifPresent(h -> out.human().println("\n" + h));
        if (out.json()) out.document(CampaignPrinter.json(report, app.dataDir()));
        return CampaignPrinter.exitCode(report);
    }
}
