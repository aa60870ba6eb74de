package dev.scenarist.packs.yaml.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code type: required_files}: each listed file exists and is not blank. */
public record RequiredFilesCheck(String name, List<String> files) implements Check {
    public RequiredFilesCheck {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
    }

    @Override
    public int tier() {
        return TIER_INSTANT;
    }

    @Override
    public CheckResult run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String f : files) {
            var content = context.workspace().read(f);
            if (content.isEmpty()) {
                findings.add(Finding.error("MISSING_FILE", "required file '" + f + "' was not written", f,
                        "reply with a <file path=\"" + f + "\"> block containing the whole file").withFix("add " + f + " to the scenario folder"));
            } else if (content.get().isBlank()) {
                findings.add(Finding.error("EMPTY_FILE", "required file '" + f + "' is empty", f, "write the file's full content"));
            }
        }
        return CheckResult.of(findings);
    }
}
