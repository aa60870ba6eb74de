/**
 * Declarative packs: a folder with a {@code pack.yaml} (format: packs/yaml/README.md) becomes a
 * {@link dev.scenarist.core.pack.Pack}.
 *
 * <p>The module's API is this package — {@link dev.scenarist.packs.yaml.YamlPackLoader} (load a pack, or only its
 * requirements), {@link dev.scenarist.packs.yaml.YamlPack} (the loaded pack) and
 * {@link dev.scenarist.packs.yaml.PackDefinitionException} (a mistake in a pack, with file, line, column and field) —
 * and the strict YAML tree in {@link dev.scenarist.packs.yaml.tree}. Everything in
 * {@code dev.scenarist.packs.yaml.internal} (the readers of pack.yaml, the checks, gates, offline authors and
 * parameters) is not API: no other module may use it.
 */
package dev.scenarist.packs.yaml;
