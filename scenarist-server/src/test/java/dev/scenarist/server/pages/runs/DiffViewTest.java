package dev.scenarist.server.pages.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DiffViewTest {
    @Test
    void aChangedLineShowsAsRemovedAndAddedWithBothLineNumbers() {
        var before = new TreeMap<String, String>();
        before.put("q.sql", "SELECT a\nFROM t\nWHERE x = 1\n");
        var after = new TreeMap<String, String>();
        after.put("q.sql", "SELECT a\nFROM t\nWHERE x = 2\n");
        String html = DiffView.render(before, after);
        assertThat(html).contains("data-file=\"q.sql\"").contains("1 file changed")
                .contains("<tr class=\"del\"><td class=\"n\">3</td><td class=\"n\"></td><td class=\"t\">-WHERE x = 1</td></tr>")
                .contains("<tr class=\"add\"><td class=\"n\"></td><td class=\"n\">3</td><td class=\"t\">+WHERE x = 2</td></tr>")
                .contains("@@ -1,3 +1,3 @@");
    }

    @Test
    void addedAndRemovedFilesAreNamedSoAndUnchangedOnesAreLeftOut() {
        var before = new TreeMap<String, String>();
        before.put("same.txt", "x\n");
        before.put("gone.txt", "old\n");
        var after = new TreeMap<String, String>();
        after.put("same.txt", "x\n");
        after.put("new.txt", "<b>new</b>\n");
        String html = DiffView.render(before, after);
        assertThat(html).contains("gone.txt <span class=\"muted\">removed").contains("new.txt <span class=\"muted\">added")
                .doesNotContain("same.txt").contains("+&lt;b&gt;new&lt;/b&gt;").doesNotContain("<b>new</b>");
    }

    @Test
    void identicalVersionsSayNothingChanged() {
        var files = new TreeMap<String, String>();
        files.put("a", "1\n");
        assertThat(DiffView.render(files, new TreeMap<>(files))).contains("No file changed");
    }
}
