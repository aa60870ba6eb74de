package dev.scenarist.packs.mechanisms.internal.validation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.mechanisms.internal.template.Randomizer;
import dev.scenarist.packs.mechanisms.internal.template.SandboxedTemplateRunner;
import dev.scenarist.packs.mechanisms.internal.template.TemplateBuildResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a template's variants in the sandbox into the run's artifacts folder, once per (source, variants): the
 * folder {@code <artifacts>/variants/<key>/} holds the scenes, meshes and each stage's report, so later checks, a
 * resumed run and the export all see the same build.
 */
public final class TemplateValidator {
    private static final String REJECTED = "rejected.json";
    private static final String COMPILE_ERROR = "TEMPLATE_COMPILE_ERROR";
    private static final Pattern PUBLIC_CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private final SandboxedTemplateRunner runner;

    public TemplateValidator(SandboxedTemplateRunner runner) {
        this.runner = runner;
    }

    /** The name of the source's public class, which javac requires as the file name. */
    public static Optional<String> className(String source) {
        Matcher m = PUBLIC_CLASS.matcher(source);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Where the build of {@code source} for {@code draws} lives (whether or not it exists yet). */
    public static Path folder(Path artifacts, String source, List<Randomizer.Draw> draws) {
        return artifacts.resolve("variants").resolve(key(source, draws));
    }

    /** The existing build, if this source was already built for these draws. */
    public static Optional<TemplateBuild> existing(Path artifacts, String source, List<Randomizer.Draw> draws) {
        Path folder = folder(artifacts, source, draws);
        Path report = folder.resolve("build.json");
        if (!Files.exists(report)) return Optional.empty();
        return Optional.of(new TemplateBuild(folder, Json.read(TemplateBuild.read(report), BuildReport.class)));
    }

    /**
     * Compiles the source and builds every draw in the sandbox, or returns the earlier build of the same source and
     * draws. The workspace is used only as the sandbox's scratch space and is left as it was.
     */
    public BuildOutcome build(Workspace ws, String source, List<Randomizer.Draw> draws, Path artifacts) throws InterruptedException {
        var done = existing(artifacts, source, draws);
        if (done.isPresent()) return new BuildOutcome.Built(done.get());
        Path refused = folder(artifacts, source, draws).resolve(REJECTED);
        if (Files.exists(refused)) {
            return new BuildOutcome.Rejected(Json.read(TemplateBuild.read(refused), new TypeReference<List<Finding>>() {}));
        }
        String cls = className(source).orElse(null);
        if (cls == null) {
            return new BuildOutcome.Rejected(List.of(Finding.error("NO_TEMPLATE_CLASS", "the template declares no public class", "template.java",
                    "declare 'public class Name implements Template'")));
        }
        String key = key(source, draws);
        String javaFile = cls + ".java";
        String outDir = ".variants-" + key;
        boolean existed = ws.exists(javaFile);
        ws.write(javaFile, source);
        long t0 = System.nanoTime();
        try {
            switch (runner.buildVariants(ws.root(), javaFile, cls, draws, outDir)) {
                case TemplateBuildResult.Unavailable u -> {
                    return new BuildOutcome.Unavailable(u.reason(), u.permanent());
                }
                case TemplateBuildResult.Rejected r -> {
                    List<Finding> findings = r.findings().stream().map(f -> f.location().startsWith(javaFile) ? relocate(f, javaFile) : f).toList();
                    // a compile error is a property of the source: kept, so later checks do not compile it again
                    if (findings.stream().allMatch(f -> f.code().equals(COMPILE_ERROR))) {
                        Files.createDirectories(refused.getParent());
                        TemplateBuild.write(refused, findings);
                    }
                    return new BuildOutcome.Rejected(findings);
                }
                case TemplateBuildResult.Built b -> {
                    Path folder = folder(artifacts, source, draws);
                    Workspace.deleteTree(folder, true);
                    Files.createDirectories(folder.getParent());
                    Files.move(ws.resolve(outDir), folder);
                    BuildReport report = describe(folder, draws, TemplateBuild.millisSince(t0));
                    TemplateBuild.write(folder.resolve("build.json"), report);
                    return new BuildOutcome.Built(new TemplateBuild(folder, report));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the template's build in " + artifacts, e);
        } finally {
            if (!existed) ws.delete(javaFile);
            Workspace.deleteTree(ws.resolve(outDir), true);
        }
    }

    /** Compiler findings point at the class-named copy; the author edits {@code template.java}. */
    private static Finding relocate(Finding f, String javaFile) {
        return f.at("template.java" + f.location().substring(javaFile.length()));
    }

    private static BuildReport describe(Path folder, List<Randomizer.Draw> draws, long millis) throws IOException {
        Map<String, Object> info = Json.read(TemplateBuild.read(folder.resolve("template_info.json")), new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, List<Double>> limits = (Map<String, List<Double>>) info.getOrDefault("scale_limits", Map.of());
        var facts = new TemplateFacts((String) info.get("id"), ((Number) info.get("tier")).intValue(), (String) info.get("title"),
                (String) info.get("description"), limits);
        List<String> meshes = Workspace.list(folder.resolve("meshes"));
        List<VariantFiles> variants = new ArrayList<>();
        for (Randomizer.Draw d : draws) {
            List<Double> scale = List.of(d.scale()[0], d.scale()[1], d.scale()[2]);
            Path failed = folder.resolve("failed_" + d.seed() + ".txt");
            String scene = "scene_" + d.seed() + ".xml";
            String failure = Files.exists(failed) ? Files.readString(failed, StandardCharsets.UTF_8).strip()
                    : Files.exists(folder.resolve(scene)) ? "" : "build(" + d.seed() + ", scale) wrote no scene";
            String suffix = "_" + d.seed() + ".stl";
            variants.add(new VariantFiles(d.seed(), scale, scene,
                    meshes.stream().filter(m -> m.endsWith(suffix)).map(m -> "meshes/" + m).toList(), failure));
        }
        return new BuildReport(facts, variants, millis);
    }

    private static String key(String source, List<Randomizer.Draw> draws) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(source.getBytes(StandardCharsets.UTF_8));
            for (Randomizer.Draw d : draws) {
                md.update((";" + d.seed() + ":" + d.scale()[0] + "," + d.scale()[1] + "," + d.scale()[2]).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
