package dev.scenarist.packs.services.internal.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.services.format.ErrorClass;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputClassifierTest {
    @Test
    void classifiesTheLinesScriptsAndToolsPrint() {
        assertThat(OutputClassifier.classify("cat: config/flags.json: No such file or directory")).contains(ErrorClass.MISSING_FILE);
        assertThat(OutputClassifier.classify("deployment/startup.sh: line 4: psql: command not found")).contains(ErrorClass.MISSING_FILE);
        assertThat(OutputClassifier.classify("bash: /etc/hosts: Permission denied")).contains(ErrorClass.PERMISSION);
        assertThat(OutputClassifier.classify("test.sh: line 9: syntax error near unexpected token `fi'")).contains(ErrorClass.SYNTAX);
        assertThat(OutputClassifier.classify("psql:seed.sql:4: ERROR:  relation \"x\" does not exist")).contains(ErrorClass.DATABASE);
        assertThat(OutputClassifier.classify("startup: n8n import failed")).contains(ErrorClass.CONFIGURATION);
        assertThat(OutputClassifier.classify("[dry-run] psql -h localhost")).isEqualTo(Optional.empty());
    }
}
