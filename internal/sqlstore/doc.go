// Package sqlstore holds what the two SQL stores, sqlite and postgres, share
// beyond their SQL: the search query parser, whose tree each store renders
// in its own full-text syntax; the column lists and scanners that map rows
// to pulse types; the filter-to-WHERE builders, which ask a small Dialect
// for placeholders, list membership, substring tests and full-text matches;
// the stored forms of times and JSON; and the checks both apply before
// writing, so they accept the same values. Statements stay in each store,
// which owns its dialect: upserts, locking, full-text indexing.
package sqlstore
