package dev.scenarist.packs.chains.internal.generate.offline;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Usage;
import dev.scenarist.packs.chains.internal.generate.Domain;
import dev.scenarist.packs.chains.internal.generate.Domains;
import dev.scenarist.packs.chains.internal.generate.Parameters;
import dev.scenarist.packs.chains.internal.generate.PoolDraft;
import dev.scenarist.packs.chains.internal.generate.Stages;
import dev.scenarist.packs.chains.internal.reference.Inventory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The offline author: no model. For the bundled inventory domain it writes, from the run's seed, one chain of one of
 * the {@link ChainPlans twelve plans} about one item of the reference dataset — the chain stage gets its canonical
 * questions and checks, the wordings stage the same pool with its colloquial and pronoun-only variants. Same seed, same
 * bytes. Seeds 0–11 (and any twelve in a row) give twelve different routes; later seeds the same routes for other items.
 */
public final class OfflineChainAuthor implements Author {
    private final Inventory inventory = Inventory.load();

    @Override
    public String id() {
        return "offline";
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws PermanentAuthorException {
        String domain = Parameters.text(request.parameters(), Parameters.DOMAIN);
        String target = Parameters.text(request.parameters(), Parameters.TARGET);
        if (!Domains.INVENTORY.equals(domain) || !Domain.REFERENCE_TARGET.equals(target)) {
            throw new PermanentAuthorException("the offline chains author writes chains for the bundled '" + Domains.INVENTORY
                    + "' domain only (it knows the reference assistant's data), not for domain '" + domain + "' (target " + target
                    + "); configure a model for it, e.g. --author openai:gpt-4.1");
        }
        boolean variants = switch (request.stage()) {
            case Stages.CHAIN -> false;
            case Stages.WORDINGS -> true;
            default -> throw new PermanentAuthorException("the offline chains author has no answer for stage '" + request.stage() + "'");
        };
        DraftChain chain = chain(request.seed(), Parameters.text(request.parameters(), Parameters.DOMAIN_NAME));
        String header = "Written by the chains pack's offline author for the " + domain + " domain (seed " + request.seed() + ").";
        String yaml = PoolYaml.write(chain, header, variants);
        return new AuthorReply("<file path=\"" + PoolDraft.FILE + "\">\n" + yaml + "</file>\n", Usage.ZERO, "offline", Duration.ZERO);
    }

    /** The first plan's pool for seed 0, whole: a fingerprint of what the offline author writes. */
    public static String sample() {
        return PoolYaml.write(new OfflineChainAuthor().chain(0, "sample"), "sample", true);
    }

    /** The chain for {@code seed}: plan by seed, then item (or list position) and phrasing by the seed's round. */
    DraftChain chain(long seed, String domainName) {
        int plans = ChainPlans.ALL.size();
        int index = (int) Math.floorMod(seed, (long) plans);
        int round = (int) Math.floorDiv(seed, (long) plans);
        ChainPlan plan = ChainPlans.ALL.get(index);
        int listIndex = Math.floorMod(round + index, inventory.lowStock().size());
        Subject named = null;
        if (!plan.fromList()) {
            List<Inventory.Item> eligible = plan.asksAboutOrders()
                    ? inventory.items().stream().filter(i -> inventory.lastOrder(i.sku()).isPresent()).toList() : inventory.items();
            named = new Subject.Named(eligible.get(Math.floorMod(round * 3 + index, eligible.size())));
        }
        ChainWriter writer = new ChainWriter(inventory, named, listIndex, round + index);
        plan.asks().forEach(writer::ask);
        Inventory.Item item = writer.subject().item();
        String ordinal = List.of("first", "second", "third", "fourth", "fifth").get(listIndex);
        String suffix = plan.fromList() ? ordinal : item.sku().toLowerCase(Locale.ROOT);
        String id = plan.id() + "-" + suffix;
        return new DraftChain(Domains.INVENTORY + "-" + id, domainName, id, fill(plan.title(), item, ordinal), fill(plan.brief(), item, ordinal),
                writer.steps());
    }

    private static String fill(String template, Inventory.Item item, String ordinal) {
        return template.replace("{sku}", item.sku()).replace("{name}", item.name()).replace("{ord}", ordinal);
    }
}
