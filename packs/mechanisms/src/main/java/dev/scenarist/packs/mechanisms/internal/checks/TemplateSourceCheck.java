package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
import dev.scenarist.packs.mechanisms.internal.scenefile.Numbers;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlFormatException;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlReader;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cheapest look at {@code template.java}, before anything is compiled: one public class implementing
 * {@code Template} in the default package, imports only from the scene API and {@code java.util}/{@code java.lang},
 * names nothing of the pack's machinery (its {@code internal} packages, such as the MJCF and STL writers: a template
 * returns a scene and never writes it), and no source of nondeterminism (the same seed and scale must give
 * byte-identical files).
 *
 * <p><b>A lint, not a security boundary.</b> It reads text with patterns, so it is easily passed: a fully qualified
 * {@code new java.net.Socket(...)} or {@code java.nio.file.Files.readString(...)} needs no import and is not
 * flagged. What stops such code is the sandbox the template is compiled and run in (no network, writes only to the
 * workspace, time and memory limits), and the MJCF readers that refuse files outside the scenario folder. This
 * check exists to tell the model early, at the offending line, why a template is wrong.
 */
public final class TemplateSourceCheck implements Check {
    public static final String FILE = "template.java";
    private static final Pattern ALLOWED_IMPORT = Pattern.compile(
            "import\\s+(dev\\.scenarist\\.packs\\.mechanisms\\.scene\\.(\\*|[A-Z]\\w*)|java\\.util\\.(\\*|[A-Z]\\w*)|java\\.lang\\.(\\*|[A-Z]\\w*))\\s*;");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s[^;]*;");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s");
    private static final Pattern CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)\\s+implements\\s+([\\w.]*Template)\\b");
    /** A qualified name of Scenarist's outside the template contract, e.g. {@code dev.scenarist.packs.mechanisms.internal.…}. */
    private static final Pattern SCENARIST_NAME = Pattern.compile(
            "\\bdev\\s*\\.\\s*scenarist(?!\\s*\\.\\s*packs\\s*\\.\\s*mechanisms\\s*\\.\\s*scene\\s*\\.)(?:\\s*\\.\\s*\\w+)+");
    /** The pack's own scene-file classes, which left the template contract: named on their own, they would not compile. */
    private static final Pattern MACHINERY_CLASS = Pattern.compile("(?<![\\w.])(" + String.join("|", Stream.of(MjcfWriter.class,
            StlWriter.class, StlReader.class, StlFormatException.class, Numbers.class).map(Class::getSimpleName).toList()) + ")\\b");
    private static final Pattern DECLARED_TYPE = Pattern.compile("\\b(?:class|record|enum|interface)\\s+(\\w+)");
    private static final Pattern STRING_OR_CHAR = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");
    private static final List<String> NONDETERMINISTIC = List.of("Math.random", "System.nanoTime", "System.currentTimeMillis",
            "new Random()", "UUID.randomUUID", "ThreadLocalRandom", "Instant.now", "LocalDateTime.now", "hashCode()", "System.getenv",
            "System.getProperty");

    @Override
    public String name() {
        return "template-source";
    }

    @Override
    public int tier() {
        return TIER_INSTANT;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        var source = ctx.workspace().read(FILE);
        if (source.isEmpty()) return CheckResult.failed(Finding.error("NO_TEMPLATE", "no " + FILE, FILE, "write the template"));
        return CheckResult.of(findings(source.get()));
    }

    /** Every finding for {@code source}, as the check reports them. */
    public static List<Finding> findings(String source) {
        List<Finding> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        // a template's own helper class may share a name with one of the pack's classes
        var declared = DECLARED_TYPE.matcher(source).results().map(r -> r.group(1)).collect(java.util.stream.Collectors.toSet());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = FILE + ":" + (i + 1);
            if (PACKAGE.matcher(line).find()) {
                out.add(Finding.error("TEMPLATE_PACKAGE", "templates live in the default package", at, "remove the package declaration"));
            }
            Matcher imp = IMPORT.matcher(line);
            boolean importLine = imp.find();
            if (importLine && !ALLOWED_IMPORT.matcher(imp.group().strip()).matches()) {
                String why = SCENARIST_NAME.matcher(imp.group()).find() ? " (it is not part of the template API)" : "";
                out.add(Finding.error("TEMPLATE_IMPORT", "'" + imp.group().strip() + "' is not allowed" + why, at,
                        "import only dev.scenarist.packs.mechanisms.scene.* and java.util.*: a template is a pure function of (seed, scale)"));
            }
            String code = line.replaceAll("//.*$", "");
            if (!importLine) machinery(STRING_OR_CHAR.matcher(code).replaceAll("\"\""), declared, at, out);
            for (String bad : NONDETERMINISTIC) {
                if (code.contains(bad)) {
                    out.add(Finding.error("TEMPLATE_NONDETERMINISTIC", "'" + bad + "' makes build(seed, scale) depend on more than its arguments", at,
                            "draw every random number from new Rng(seed)"));
                }
            }
        }
        if (!CLASS.matcher(source).find()) {
            out.add(Finding.error("TEMPLATE_CLASS", "no 'public class X implements Template'", FILE,
                    "declare one public class implementing Template with a public no-argument constructor"));
        }
        return out;
    }

    /** A line of code (comments and literals blanked) that names the pack's machinery instead of the scene API. */
    private static void machinery(String code, java.util.Set<String> declared, String at, List<Finding> out) {
        Matcher qualified = SCENARIST_NAME.matcher(code);
        String named = qualified.find() ? qualified.group().replaceAll("\\s", "")
                : MACHINERY_CLASS.matcher(code).results().map(r -> r.group(1)).filter(n -> !declared.contains(n)).findFirst().orElse(null);
        if (named != null) {
            out.add(Finding.error("TEMPLATE_INTERNAL_API", "'" + named + "' is not part of the template API: it is the pack's own machinery", at,
                    "use only the scene API (dev.scenarist.packs.mechanisms.scene): build(seed, scale) returns the Scene, and the"
                            + " pack writes its MJCF and meshes"));
        }
    }
}
