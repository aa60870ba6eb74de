package dev.scenarist.packs.services.internal.check;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.internal.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code .sql} file of the scenario (schema.sql, seed.sql and any other a task loads) read by {@link SqlLexer}:
 * an unterminated string, quoted identifier, dollar quote or comment, or unbalanced parentheses, each with its line.
 * Cheap, and it names the line where PostgreSQL would only say "at end of input".
 */
final class SqlLexicalCheck implements Check {
    @Override
    public String name() {
        return "sql-lexical";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        ScenarioView view = new ScenarioView(context.workspace());
        List<Finding> findings = new ArrayList<>();
        for (String file : view.filesEndingWith(".sql")) {
            String text = context.workspace().read(file).orElse("");
            for (SqlLexer.Problem p : SqlLexer.read(text).problems()) {
                findings.add(Finding.error(ErrorClass.SYNTAX.code(p.detail()), p.message(), Where.line(file, p.line()), p.fix()));
            }
        }
        return CheckResult.of(findings);
    }
}
