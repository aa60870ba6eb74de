package dev.scenarist.packs.chains.reference;

import dev.scenarist.packs.chains.internal.reference.ProductSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference assistant's "product folder": {@code assistant.json} holds its switches, read on every request. The
 * scripted coder ({@code packs/chains/reference/fix-pronouns.sh}, or {@code scenarist chains reference-fix}) fixes the
 * planted defect by setting {@code resolve_pronouns} to true, as a patch to a real product would.
 */
public final class ReferenceProduct {
    private ReferenceProduct() {}

    /** Creates the folder with the defect planted if it has no settings file; leaves an existing one as it is. */
    public static void ensure(Path productDir) {
        try {
            Files.createDirectories(productDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the product folder " + productDir + ": " + e.getMessage(), e);
        }
        if (!Files.exists(productDir.resolve(ProductSettings.FILE))) plantDefect(productDir);
    }

    public static void plantDefect(Path productDir) {
        ProductSettings.write(productDir, new ProductSettings(false));
    }

    public static void fix(Path productDir) {
        ProductSettings.write(productDir, new ProductSettings(true));
    }

    /** Whether the pronoun defect is fixed in this folder. */
    public static boolean fixed(Path productDir) {
        return ProductSettings.read(productDir).resolvePronouns();
    }
}
