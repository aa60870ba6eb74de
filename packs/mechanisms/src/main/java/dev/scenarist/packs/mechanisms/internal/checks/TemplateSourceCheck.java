package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cheapest look at {@code template.java}, before anything is compiled: one public class implementing
 * {@code Template} in the default package, imports only from the scene API and {@code java.util}/{@code java.lang},
 * and no source of nondeterminism (the same seed and scale must give byte-identical files).
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
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = FILE + ":" + (i + 1);
            if (PACKAGE.matcher(line).find()) {
                out.add(Finding.error("TEMPLATE_PACKAGE", "templates live in the default package", at, "remove the package declaration"));
            }
            Matcher imp = IMPORT.matcher(line);
            if (imp.find() && !ALLOWED_IMPORT.matcher(imp.group().strip()).matches()) {
                out.add(Finding.error("TEMPLATE_IMPORT", "'" + imp.group().strip() + "' is not allowed", at,
                        "import only dev.scenarist.packs.mechanisms.scene.* and java.util.*: a template is a pure function of (seed, scale)"));
            }
            String code = line.replaceAll("//.*$", "");
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
}
