package dev.scenarist.core.catalog;

/** An accepted scenario near a candidate in meaning: the cosine of their embeddings. */
public record SemanticMatch(CatalogItem item, double cosine) {}
