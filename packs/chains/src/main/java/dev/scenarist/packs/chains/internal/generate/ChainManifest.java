package dev.scenarist.packs.chains.internal.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.pack.ScenarioAssembly;
import dev.scenarist.packs.chains.internal.artifacts.ArtifactFiles;
import dev.scenarist.packs.chains.internal.path.Placeholders;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.CheckKind;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.Wording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code chain_manifest.json} beside an accepted chain's {@code pool.yaml}: which domain and target it was written for,
 * its steps with their wordings, placeholders and carry-over checks, the last dry run, and the command that runs it.
 */
public final class ChainManifest {
    public static final String FILE = "chain_manifest.json";
    public static final String SCHEMA = ArtifactFiles.SCHEMA_BASE + "chain_manifest.v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainManifest() {}

    public static void write(ScenarioAssembly assembly) {
        if (!(PoolDraft.read(assembly.workspace()) instanceof PoolDraft.Read.Chain draft)) {
            throw new IllegalStateException("accepted run " + assembly.run().runId() + " has no readable " + PoolDraft.FILE);
        }
        Map<String, Object> p = assembly.run().parameters();
        String target = Parameters.text(p, Parameters.TARGET);
        ObjectNode m = JSON.createObjectNode();
        m.put("schema", SCHEMA);
        m.put("scenario_id", assembly.scenarioId());
        m.put("pool", PoolDraft.FILE);
        m.put("pack_id", draft.pool().id());
        m.put("chain_id", draft.chain().id());
        m.put("title", draft.chain().title());
        m.put("domain", Parameters.text(p, Parameters.DOMAIN));
        m.put("domain_name", draft.pool().domain());
        m.put("target", target);
        m.put("focus", Parameters.text(p, Parameters.FOCUS));
        m.put("seed", assembly.run().seed());
        Set<String> carried = new LinkedHashSet<>();
        ArrayNode steps = m.putArray("steps");
        for (ChainStep s : draft.chain().steps()) {
            ObjectNode step = steps.addObject().put("id", s.id());
            ArrayNode wordings = step.putArray("wordings");
            for (Wording w : Wording.values()) if (s.wordings().containsKey(w)) wordings.add(w.key());
            ArrayNode placeholders = step.putArray("placeholders");
            s.wordings().values().stream().flatMap(q -> Placeholders.find(q).stream()).distinct().forEach(placeholders::add);
            step.put("checks", s.expectations().size());
            ArrayNode carry = step.putArray("carry_over");
            for (Expectation e : s.expectations()) {
                if (e.kind() != CheckKind.CARRYOVER) continue;
                carry.add(e.source());
                carried.add(e.check().path());
            }
        }
        carried.forEach(m.putArray("carry_over_paths")::add);
        DryRunRecord.read(assembly.artifacts()).ifPresentOrElse(d -> m.set("dry_run", d), () -> m.putNull("dry_run"));
        m.put("run", "scenarist chains run-pack --pool " + PoolDraft.FILE + " --target " + target);
        try {
            Files.createDirectories(assembly.target());
            AtomicFile.write(assembly.target().resolve(FILE), (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE + " into " + assembly.target(), e);
        }
    }
}
