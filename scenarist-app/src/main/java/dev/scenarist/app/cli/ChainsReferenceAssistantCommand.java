package dev.scenarist.app.cli;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reference-assistant", mixinStandardHelpOptions = true,
        description = {"Serve the bundled reference assistant (inventory and purchasing, rule-based, with sessions and a semantic memory)",
                "until interrupted. Its planted defect (a pronoun-only follow-up loses the selected item) is switched by",
                "<product>/assistant.json, read on every request: see reference-fix."})
final class ChainsReferenceAssistantCommand implements Callable<Integer> {
    @ParentCommand
    ChainsCommand parent;

    @Option(names = "--port", defaultValue = "8765", paramLabel = "PORT", description = "Port (default ${DEFAULT-VALUE}; 0 = any free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--product", paramLabel = "DIR", description = "Product folder (default: <data-dir>/chains/reference-product).")
    Path product;

    @Option(names = "--require-auth-env", paramLabel = "VAR", description = "Refuse calls whose Authorization header is not the value of this variable.")
    String requireAuthEnv;

    @Override
    public Integer call() throws InterruptedException {
        Path dir = product != null ? product : parent.root.resolvedDataDir().resolve("chains").resolve("reference-product");
        Optional<String> token = Optional.ofNullable(requireAuthEnv).map(v -> {
            String value = parent.root.env().get(v);
            if (value == null || value.isBlank()) throw new ConfigException("the environment variable " + v + " (named by --require-auth-env) is not set");
            return value;
        });
        try (ReferenceAssistant ref = ReferenceAssistant.start(host, port, dir, token)) {
            parent.root.output().line("reference assistant on " + ref.baseUri() + " (product " + dir.toAbsolutePath() + ", pronoun defect "
                    + (ReferenceProduct.fixed(dir) ? "fixed" : "planted") + "); Ctrl-C stops it");
            new CountDownLatch(1).await();
            return 0;
        } catch (IOException e) {
            throw new ConfigException("cannot serve on " + host + ":" + port + ": " + e.getMessage() + "; pass another --port");
        }
    }
}
