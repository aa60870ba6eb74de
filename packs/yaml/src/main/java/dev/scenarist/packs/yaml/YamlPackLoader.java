package dev.scenarist.packs.yaml;

import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.internal.DefinitionReader;
import dev.scenarist.packs.yaml.tree.Node;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import dev.scenarist.packs.yaml.tree.YamlTree;
import dev.scenarist.sandbox.Sandbox;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.scenarist.core.pack.Requirement;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Loads a declarative pack: a folder with a {@code pack.yaml} (format: packs/yaml/README.md) and whatever files it
 * refers to (schemas, check scripts, offline recordings). Everything is validated when loading, so a broken pack
 * fails at once with file, line, column and field rather than in the middle of a campaign.
 */
public final class YamlPackLoader {
    public static final String FILE_NAME = "pack.yaml";

    private final Sandbox sandbox;

    /** @param sandbox where {@code command} checks run; use {@link Sandbox#bubblewrap(dev.scenarist.sandbox.SandboxHost)} for anything a model wrote */
    public YamlPackLoader(Sandbox sandbox) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    }

    /**
     * @param packDir the pack folder (containing pack.yaml)
     * @throws PackDefinitionException when the folder, pack.yaml or a file it points to is missing or wrong
     */
    public YamlPack load(Path packDir) {
        Node root = parse(packDir);
        String shown = packDir.resolve(FILE_NAME).toString();
        return new YamlPack(new DefinitionReader(packDir.toAbsolutePath().normalize(), packDir, shown, sandbox, hashFolder(packDir)).read(root));
    }

    /**
     * What {@link YamlPack#requirements()} of the pack in {@code packDir} would say, from pack.yaml alone: no schema
     * compiled, no folder hashed. The preflight needs only this, and needs it within moments of starting.
     *
     * @throws PackDefinitionException when pack.yaml is missing, not UTF-8, not YAML, or its {@code requires:} is wrong
     */
    public List<Requirement> requirements(Path packDir) {
        Node root = parse(packDir);
        String shown = packDir.resolve(FILE_NAME).toString();
        return new DefinitionReader(packDir.toAbsolutePath().normalize(), packDir, shown, sandbox, "").readRequirements(root);
    }

    private static Node parse(Path packDir) {
        Path file = packDir.resolve(FILE_NAME);
        String shown = file.toString();
        if (!Files.isDirectory(packDir)) {
            throw new PackDefinitionException(SourceLocation.wholeFile(packDir.toString()), "", "pack folder does not exist",
                    "pass the folder that contains " + FILE_NAME);
        }
        if (!Files.isRegularFile(file)) {
            throw new PackDefinitionException(SourceLocation.wholeFile(shown), "", FILE_NAME + " not found in the pack folder",
                    "create " + shown + " (see packs/yaml/README.md for the format)");
        }
        String text;
        try {
            // a strict decoder: mis-encoded text is an error, not silently replaced characters
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new PackDefinitionException(SourceLocation.wholeFile(shown), "", "the file is not UTF-8 text", "save it as UTF-8");
        } catch (IOException e) {
            throw new PackDefinitionException(SourceLocation.wholeFile(shown), "", "cannot read: " + e.getMessage(), "");
        }
        return new YamlTree(shown).parse(text);
    }

    /**
     * SHA-256 over every regular file in the pack folder (relative path and bytes, in sorted path order), so editing
     * pack.yaml, a schema, a check script or a recording changes the hash.
     */
    static String hashFolder(Path dir) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String rel : Workspace.list(dir)) {
                md.update(rel.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(dir.resolve(rel)));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new PackDefinitionException(SourceLocation.wholeFile(dir.toString()), "", "cannot read the pack folder: " + e.getMessage(), "");
        }
    }
}
