/**
 * The resource catalog: which resources (PostgreSQL, Redis, n8n, …) a service scenario may require, with their
 * category, default port and initialization kinds. Public: the pack, its dry-run and users' catalog files use it.
 */
package dev.scenarist.packs.services.catalog;
