/**
 * A strict YAML tree: every node knows its file, line, column and field path, so any mistake can be reported where
 * it was written, with a fix ({@link dev.scenarist.packs.yaml.tree.FieldProblem}). A key written twice in one
 * mapping is refused; scalars keep the type YAML gave them.
 *
 * <p><b>Public API</b> of the yaml module, besides the pack loader: the application reads its campaign config files
 * with it ({@link dev.scenarist.packs.yaml.tree.YamlTree}, {@link dev.scenarist.packs.yaml.tree.Node},
 * {@link dev.scenarist.packs.yaml.tree.MapNode}, {@link dev.scenarist.packs.yaml.tree.ScalarNode},
 * {@link dev.scenarist.packs.yaml.tree.SourceLocation}, {@link dev.scenarist.packs.yaml.tree.FieldProblem}), so
 * config files and pack files are read, and their mistakes worded, the same way.
 */
package dev.scenarist.packs.yaml.tree;
