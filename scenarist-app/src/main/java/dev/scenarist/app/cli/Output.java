package dev.scenarist.app.cli;

import dev.scenarist.core.model.Json;
import java.io.PrintStream;

/**
 * Where output goes. With {@code --json} the command prints exactly one JSON document on stdout and all human
 * text on stderr, so scripts can parse stdout; without it, human text goes to stdout.
 */
public final class Output {
    private final boolean json;
    private final PrintStream out;
    private final PrintStream err;

    public Output(boolean json, PrintStream out, PrintStream err) {
        this.json = json;
        this.out = out;
        this.err = err;
    }

    public boolean json() {
        return json;
    }

    /** Human text: stdout normally, stderr under --json. */
    public PrintStream human() {
        return json ? err : out;
    }

    public PrintStream err() {
        return err;
    }

    public void line(String s) {
        human().println(s);
    }

    /** The one JSON document of a --json invocation. */
    public void document(Object value) {
        out.print(Json.pretty(value));
        out.flush();
    }
}
