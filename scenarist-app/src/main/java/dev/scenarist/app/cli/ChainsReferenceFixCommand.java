package dev.scenarist.app.cli;

import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reference-fix", mixinStandardHelpOptions = true,
        description = {"The reference assistant's scripted coder: fix its planted defect (pronoun-only follow-ups lose the selected item)",
                "in a product folder, or plant it again with --plant. A running reference assistant picks the change up at its next request."})
final class ChainsReferenceFixCommand implements Callable<Integer> {
    @ParentCommand
    ChainsCommand parent;

    @Option(names = "--product", paramLabel = "DIR", description = "Product folder (default: $SCENARIST_PRODUCT_DIR, else <data-dir>/chains/reference-product).")
    Path product;

    @Option(names = "--plant", description = "Plant the defect again instead of fixing it.")
    boolean plant;

    @Override
    public Integer call() {
        String fromEnv = parent.root.env().get("SCENARIST_PRODUCT_DIR");
        Path dir = product != null ? product : fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : parent.root.resolvedDataDir().resolve("chains").resolve("reference-product");
        ReferenceProduct.ensure(dir);
        if (plant) ReferenceProduct.plantDefect(dir);
        else ReferenceProduct.fix(dir);
        parent.root.output().line((plant ? "planted" : "fixed") + ": pronoun-only follow-ups " + (plant ? "lose" : "keep") + " the selected item ("
                + dir.toAbsolutePath().resolve("assistant.json") + ")");
        return 0;
    }
}
